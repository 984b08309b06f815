using Quartz;

namespace Catalog.Cli.Schedule;

/// <summary>Logs the firings Quartz drops itself, so every trigger leaves a line whether or not it ran.</summary>
internal sealed class SkipListener(ScheduledBuild build) : ITriggerListener
{
    public string Name => "catalog-skips";

    public ValueTask TriggerMisfired(ITrigger trigger, IScheduler scheduler, CancellationToken ct)
    {
        build.Skip(null, "misfired: the previous run was still going");
        return ValueTask.CompletedTask;
    }

    public ValueTask TriggerSkipped(ITrigger trigger, IScheduler scheduler, CancellationToken ct)
    {
        build.Skip(null, "overlap: the previous run was still going");
        return ValueTask.CompletedTask;
    }

    public ValueTask TriggerFired(ITrigger trigger, IJobExecutionContext context, CancellationToken ct) => ValueTask.CompletedTask;

    public ValueTask<bool> VetoJobExecution(ITrigger trigger, IJobExecutionContext context, CancellationToken ct) => ValueTask.FromResult(false);

    public ValueTask TriggerComplete(ITrigger trigger, IJobExecutionContext context, SchedulerInstruction instruction, CancellationToken ct) =>
        ValueTask.CompletedTask;

    public ValueTask TriggerRetriesExhausted(ITrigger trigger, IJobExecutionContext context, JobExecutionException exception, CancellationToken ct) =>
        ValueTask.CompletedTask;
}
