using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace Catalog.Cli.Schedule;

/// <summary>
/// Runs <see cref="ScheduledBuild"/> on a Quartz cron trigger until stopped: one worker thread, an in-memory store,
/// and a trigger that drops (never queues) a firing that comes due while a run is going.
/// </summary>
internal static class CronScheduler
{
    /// <returns>0 when stopped between runs; an interrupted run rethrows the cancellation (exit 130).</returns>
    public static async Task<int> RunAsync(CliConsole console, ScheduledBuild build, CronExpression cron, string lockPath, CancellationToken ct)
    {
        await using var factory = QuartzSchedulerBuilder.Create(q =>
        {
            q.UseDefaultThreadPool(1);
            q.UseInMemoryStore(o => o.MisfireThreshold = TimeSpan.FromSeconds(1));
            q.Services.AddSingleton(build);
            q.Services.AddTransient<CatalogJob>();
        }).Build();
        var scheduler = await factory.GetScheduler(ct);
        scheduler.ListenerManager.AddTriggerListener(new SkipListener(build), []);
        var job = JobBuilder.Create<CatalogJob>().WithIdentity("catalog-build").Build();
        var trigger = TriggerBuilder.Create().WithIdentity("catalog-cron").ForJob(job)
            .WithSchedule(CronScheduleBuilder.Create(cron).WithMisfireInstruction(CronTriggerMisfireInstruction.DoNothing))
            .WithOverlapPolicy(OverlapPolicy.Skip)
            .WithMisfireThreshold(TimeSpan.FromSeconds(1))
            .Build();
        var first = await scheduler.ScheduleJob(job, trigger, cancellationToken: ct);
        await scheduler.Start(ct);
        console.Error.WriteLine($"schedule: waiting; cron '{cron.CronExpressionString}' (UTC), first run {first.UtcDateTime:yyyy-MM-dd'T'HH:mm:ss'Z'}, lock {lockPath}");
        try
        {
            await Task.Delay(Timeout.Infinite, ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Stopping: the running build sees the same token and ends; wait for it so its line is written.
        }
        await scheduler.Shutdown(waitForJobsToComplete: true, CancellationToken.None);
        if (build.Interrupted) throw new OperationCanceledException(ct);
        console.Error.WriteLine("schedule: stopped");
        return ExitCodes.Ok;
    }
}
