using System.CommandLine;
using Catalog.Cli.Commands;
using Catalog.Data;

namespace Catalog.Cli;

/// <summary>The <c>catalog</c> command: one verb per stage; each verb is a thin call into its stage's library.</summary>
public static class CliApp
{
    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, CancellationToken ct = default)
    {
        var console = new CliConsole(stdout, stderr);
        var root = new RootCommand("MCP tool risk catalog: crawl MCP servers, classify every tool, publish a static site and gateway policies.")
        {
            BuildCommand.Create(console),
            CrawlCommand.Create(console),
            ClassifyCommand.Create(console),
            ImportCommand.Create(console),
            ListCommands.Tools(console),
            ListCommands.Servers(console),
            SiteCommand.Create(console),
            ServeCommand.Create(console),
            ExportCommand.Create(console),
            ChangesCommand.Create(console),
            TrainCommand.Create(console),
            EvalCommand.Create(console),
            BenchCommand.Create(console),
            ScheduleCommand.Create(console),
        };
        // No response files: npm scopes ("@scope/pkg") start with '@' and are arguments, not files to expand.
        var parse = root.Parse(args, new ParserConfiguration { ResponseFileTokenReplacer = null });
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors) stderr.WriteLine($"catalog: {error.Message}");
            stderr.WriteLine("Run 'catalog --help' for usage.");
            return ExitCodes.BadInput;
        }
        try
        {
            return await parse.InvokeAsync(new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false }, ct);
        }
        catch (InputException ex)
        {
            stderr.WriteLine($"catalog: {ex.Message}");
            return ExitCodes.BadInput;
        }
        catch (MissingPrerequisiteException ex)
        {
            stderr.WriteLine($"catalog: {ex.Message}");
            return ExitCodes.MissingPrerequisite;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine($"catalog: I/O error: {ex.Message.ReplaceLineEndings(" ")}");
            return ExitCodes.IoError;
        }
        catch (OperationCanceledException)
        {
            stderr.WriteLine("catalog: interrupted; what was recorded is kept and the next run resumes");
            return ExitCodes.Interrupted;
        }
        catch (Exception ex)
        {
            stderr.WriteLine($"catalog: internal error: {ex.GetType().Name}: {ex.Message}");
            stderr.WriteLine(ex.StackTrace);
            return ExitCodes.InternalError;
        }
    }
}
