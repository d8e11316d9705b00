using System.Management.Automation;

namespace EcodMini.PowerShell.Infrastructure;

/// <summary>
/// Decides, once, whether a live (redrawn, ANSI) display may be used: only in the console host with virtual-terminal
/// support, with none of the standard streams redirected and output rendering not forced to plain text.
/// </summary>
internal static class TerminalCheck
{
    public static (bool Live, string Reason) CanDrawLive(PSCmdlet cmdlet)
    {
        var host = cmdlet.Host;
        if (!string.Equals(host.Name, "ConsoleHost", StringComparison.Ordinal)) return (false, $"the host is '{host.Name}', not a console");
        if (Console.IsOutputRedirected) return (false, "output is redirected");
        if (Console.IsInputRedirected || Console.IsErrorRedirected) return (false, "a standard stream is redirected (not an interactive terminal)");
        if (!SupportsVirtualTerminal(host)) return (false, "the terminal does not support ANSI escape codes");
        var style = cmdlet.SessionState.PSVariable.GetValue("PSStyle");
        if (style is not null && string.Equals(PSObject.AsPSObject(style).Properties["OutputRendering"]?.Value?.ToString(), "PlainText", StringComparison.Ordinal))
            return (false, "$PSStyle.OutputRendering is PlainText");
        if (string.Equals(Environment.GetEnvironmentVariable("TERM"), "dumb", StringComparison.Ordinal)) return (false, "TERM is 'dumb'");
        return (true, "an interactive ANSI terminal");
    }

    // PowerShellStandard 5.1 has no SupportsVirtualTerminal on PSHostUserInterface: read it where pwsh 7 has it.
    private static bool SupportsVirtualTerminal(System.Management.Automation.Host.PSHost host) =>
        host.UI.GetType().GetProperty("SupportsVirtualTerminal")?.GetValue(host.UI) is true;
}
