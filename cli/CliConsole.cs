namespace Catalog.Cli;

/// <summary>Where a command writes: results to Out, progress and errors to Error. Injected so tests capture both.</summary>
public sealed class CliConsole(TextWriter output, TextWriter error)
{
    public TextWriter Out { get; } = output;
    public TextWriter Error { get; } = error;

    /// <summary>True only for a real terminal on the process's own stderr; tests and pipes get plain lines.</summary>
    public bool IsInteractive => ReferenceEquals(Error, Console.Error) && !Console.IsErrorRedirected && Environment.GetEnvironmentVariable("CI") is null;
}
