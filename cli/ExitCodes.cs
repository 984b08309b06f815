namespace Catalog.Cli;

/// <summary>The documented exit codes (README "Exit codes").</summary>
public static class ExitCodes
{
    public const int Ok = 0;
    /// <summary>A bug: an unexpected exception. The message says where to look.</summary>
    public const int InternalError = 1;
    /// <summary>Bad input: a missing file, malformed JSON, an unknown server, format or option.</summary>
    public const int BadInput = 2;
    /// <summary>The machine lacks something (bubblewrap, node, npm); the message says how to install it.</summary>
    public const int MissingPrerequisite = 3;
    /// <summary>The crawl ran but not one server produced a tool list.</summary>
    public const int NothingCrawled = 4;
    /// <summary>
    /// The file system refused a read or write (disk full, read-only folder, no permission). A site build that fails so
    /// leaves the published site as it was.
    /// </summary>
    public const int IoError = 5;
    /// <summary>Another run (<c>build</c>, <c>crawl</c>, <c>schedule</c>) holds the store's lock; this one did nothing.</summary>
    public const int Busy = 6;
    /// <summary>Interrupted (Ctrl+C / SIGTERM); what was recorded so far is kept and the next run resumes.</summary>
    public const int Interrupted = 130;
}
