using System.Collections.Concurrent;
using System.Diagnostics;

namespace Catalog.Crawler.Launch;

/// <summary>
/// Starts every child process from one long-lived thread. bubblewrap's <c>--die-with-parent</c> uses
/// PR_SET_PDEATHSIG, which fires when the *thread* that forked the child exits; a thread-pool thread that retires
/// would otherwise SIGKILL a healthy server mid-crawl (seen as exit 137).
/// </summary>
public static class ProcessSpawner
{
    private static readonly BlockingCollection<(ProcessStartInfo Info, TaskCompletionSource<Process> Result)> Queue = [];

    static ProcessSpawner()
    {
        var thread = new Thread(Run) { IsBackground = true, Name = "process-spawner" };
        thread.Start();
    }

    public static Task<Process> StartAsync(ProcessStartInfo info)
    {
        var result = new TaskCompletionSource<Process>(TaskCreationOptions.RunContinuationsAsynchronously);
        Queue.Add((info, result));
        return result.Task;
    }

    private static void Run()
    {
        foreach (var (info, result) in Queue.GetConsumingEnumerable())
        {
            try
            {
                result.SetResult(Process.Start(info) ?? throw new InvalidOperationException($"could not start {info.FileName}"));
            }
            catch (Exception ex)
            {
                result.SetException(ex);
            }
        }
    }
}
