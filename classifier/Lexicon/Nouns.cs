using System.Collections.Frozen;

namespace Catalog.Classifier.Lexicon;

/// <summary>Object words that change what a verb means. Kept beside the verb table because they are read together.</summary>
internal static class Nouns
{
    /// <summary>What "run X" / "execute X" turns into arbitrary code execution.</summary>
    public static readonly FrozenSet<string> Code = Set(
        "code script scripts command commands cmd shell bash sh zsh sql python py javascript js typescript ts node " +
        "ruby powershell pwsh terminal ddl dml dcl tcl apex anonymous psql gcloud snippet program binary repl " +
        "statement statements cli notebook cell lua perl php deno jupyter");

    /// <summary>What "run X" turns into a read: an audit or a scan observes.</summary>
    public static readonly FrozenSet<string> ReadRun = Set(
        "audit audits scan analysis analyze report check checks lint diagnostics diagnostic select search lookup " +
        "benchmark profile profiler inspection health read readonly aggregation aggregate stats statistics debugger " +
        "review coverage quality crawl scrape explain");

    /// <summary>Objects that make pay/transfer/approve/confirm move money.</summary>
    public static readonly FrozenSet<string> Money = Set(
        "money funds fund payment payments payout payouts token tokens erc20 erc721 erc1155 nft nfts native eth usdc " +
        "usdt btc sol crypto coin coins invoice order orders stock stocks shares futures usd wallet bank cash credit " +
        "credits spending allowance charge charges refund refunds purchase trade trades swap domain subscription " +
        "adjustment transaction transactions contract bet bets");

    /// <summary>Verbs that always move money, whatever their object.</summary>
    public static readonly FrozenSet<string> InherentlyMoney = Set("pay refund charge purchase buy sell withdraw deposit trade swap");

    /// <summary>Things a merge of which deletes or rewrites a branch.</summary>
    public static readonly FrozenSet<string> MergeTargets = Set("pull pr prs request requests branch branches mr");

    /// <summary>Removing one of these from something is undone by adding it back: Write, not Destructive.</summary>
    public static readonly FrozenSet<string> Attachments = Set(
        "label labels tag tags reaction reactions emoji assignee assignees watcher watchers star stars link links " +
        "relation relations bookmark bookmarks dependency dependencies member members reviewer reviewers approval");

    /// <summary>Items of the agent's own browser session: removing one is acting in the session (Write).</summary>
    public static readonly FrozenSet<string> SessionItems = Set("cookie cookies tab tabs");

    /// <summary>What "apply X" makes the resource's state, replacing what was there.</summary>
    public static readonly FrozenSet<string> DesiredState = Set(
        "manifest manifests yaml configuration config terraform plan kubernetes k8s helm");

    /// <summary>Clearing these only drops a cache, which LABELING.md does not count as a change.</summary>
    public static readonly FrozenSet<string> Caches = Set("cache caches console buffer snapshot");

    /// <summary>Groups whose members hold access: removing someone from one revokes it.</summary>
    public static readonly FrozenSet<string> Memberships = Set("team teams organization organisation org orgs workspace workspaces group groups account tenant");

    /// <summary>Secrets that a change replaces for good.</summary>
    public static readonly FrozenSet<string> Secrets = Set("password passwords passphrase secret secrets");

    /// <summary>Whole documents: updating one replaces its existing content.</summary>
    public static readonly FrozenSet<string> Documents = Set("file files content contents document documents presentation presentations slides spreadsheet markdown");

    public static readonly FrozenSet<string> Bulk = Set("bulk many all batch mass");

    public static readonly FrozenSet<string> Installable = Set("extension extensions plugin plugins package packages mcp server dependency dependencies");

    public static readonly FrozenSet<string> BrowserContext = Set(
        "browser puppeteer playwright page tab chrome firefox selenium webdriver dom stagehand");

    /// <summary>Every object word, for the shared word table.</summary>
    public static IEnumerable<FrozenSet<string>> AllSets => [Code, ReadRun, Money, InherentlyMoney, MergeTargets, Attachments, SessionItems, DesiredState, Caches, Memberships, Secrets, Documents, Bulk, Installable, BrowserContext];

    internal static FrozenSet<string> Set(string words) =>
        words.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToFrozenSet(StringComparer.Ordinal);
}
