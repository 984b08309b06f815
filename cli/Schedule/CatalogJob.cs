using Quartz;

namespace Catalog.Cli.Schedule;

/// <summary>
/// The Quartz job: one <see cref="ScheduledBuild"/> run per firing. <see cref="DisallowConcurrentExecutionAttribute"/>
/// holds the trigger while a run goes on; the trigger's misfire instruction then drops what came due meanwhile.
/// </summary>
[DisallowConcurrentExecution]
internal sealed class CatalogJob(ScheduledBuild build) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken ct)
    {
        try
        {
            await build.RunAsync(context.ScheduledFireTimeUtc, ct);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // The run logged its outcome; a failed run must not end the schedule.
        }
    }
}
