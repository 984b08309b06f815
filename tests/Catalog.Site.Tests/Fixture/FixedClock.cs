namespace Catalog.Site.Tests.Fixture;

/// <summary>A clock that always says the same time, so the store's timestamps are the same on every run.</summary>
public sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
