using EcodMini.Core.Inputs;

namespace EcodMini.Core.Tests.Inputs;

public class SequenceTextTests
{
    [Theory]
    [InlineData("MKV\n  LLA\tG ", "MKVLLAG")]
    [InlineData("MKV", "MKV")]
    [InlineData("  \n", null)]
    public void WhitespaceIsRemoved(string text, string? expected) => Assert.Equal(expected, SequenceText.Clean(text));
}
