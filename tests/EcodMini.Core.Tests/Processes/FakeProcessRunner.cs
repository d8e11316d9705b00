using EcodMini.Core.Processes;

namespace EcodMini.Core.Tests.Processes;

/// <summary>
/// Answers commands from a script of recorded results (per program, in order) and records every call. A program
/// with no answer left fails the test loudly instead of returning something made up.
/// </summary>
internal sealed class FakeProcessRunner : IProcessRunner
{
    private readonly Dictionary<string, Queue<Func<ProcessCommand, ProcessResult>>> _answers = new(StringComparer.Ordinal);

    public List<ProcessCommand> Calls { get; } = [];

    public FakeProcessRunner Answer(string program, string stdout, string stderr = "", int exitCode = 0, bool timedOut = false)
    {
        return Answer(program, c => new ProcessResult(c, exitCode, stdout, stderr, timedOut, TimeSpan.FromMilliseconds(1)));
    }

    public FakeProcessRunner Answer(string program, Func<ProcessCommand, ProcessResult> answer)
    {
        if (!_answers.TryGetValue(program, out var queue)) _answers[program] = queue = new Queue<Func<ProcessCommand, ProcessResult>>();
        queue.Enqueue(answer);
        return this;
    }

    public int CallsTo(string program) => Calls.Count(c => c.FileName == program);

    public ProcessResult Run(ProcessCommand command, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        Calls.Add(command);
        if (!_answers.TryGetValue(command.FileName, out var queue) || queue.Count == 0)
            throw new InvalidOperationException($"FakeProcessRunner: no recorded answer left for {command.Display}");
        return queue.Dequeue()(command);
    }
}
