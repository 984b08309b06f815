using System.Collections.Frozen;
using Catalog.Data.Model;

namespace Catalog.Classifier.Lexicon;

/// <summary>Name words that say what a tool touches. A word alone is enough only where it is unambiguous.</summary>
internal static class TagTerms
{
    /// <summary>Single name words → (tag, weight).</summary>
    public static readonly FrozenDictionary<string, (string Tag, double Weight)> Words = Build(
        (CapabilityTags.Credentials, 0.8, "apikey apikeys password passwords passwd credential credentials secret secrets privatekey"),
        (CapabilityTags.Credentials, 0.6, "oauth dsn dsns login authenticate authentication creds sso ssh cookies kubeconfig"),
        (CapabilityTags.IdentityAccess, 0.8, "permission permissions perms privilege privileges acl acls iam rls dcl membership memberships"),
        (CapabilityTags.IdentityAccess, 0.7, "role roles invite share sharing collaborator collaborators"),
        // Listing who has access is identity data even when nothing changes (the labelled set tags it).
        (CapabilityTags.IdentityAccess, 0.6, "users members whoami"),
        (CapabilityTags.Financial, 0.8, "payment payments refund refunds invoice invoices purchase futures leverage withdraw deposit usdc usdt billing spending payout payouts payroll"),
        (CapabilityTags.Financial, 0.6, "charge charges trade trades margin discount wallet erc20"),
        (CapabilityTags.CodeExecution, 0.8, "shell repl bash psql powershell exec"),
        (CapabilityTags.CodeExecution, 0.6, "terminal"),
        (CapabilityTags.Infrastructure, 0.7, "kubectl kubernetes k8s pod pods helm terraform dns firewall vm vps cluster clusters dyno dynos container containers vpc subnet ec2 loadbalancer"),
        (CapabilityTags.Database, 0.7, "sql database databases db table tables pg postgres mysql sqlite collection collections mongo"),
        (CapabilityTags.Bulk, 0.7, "bulk many"),
        (CapabilityTags.OpenWorld, 0.6, "web url scrape crawl internet website"));

    /// <summary>Two-word names that carry a tag neither word carries alone ("api key", "access group").</summary>
    public static readonly FrozenDictionary<string, (string Tag, double Weight)> Pairs = Build(
        (CapabilityTags.Credentials, 0.8, "api+key api+keys access+key access+keys private+key auth+token client+secret env+var ssh+key api+token access+token " +
            "connection+string publishable+keys auth+callback auth+config env+vars"),
        (CapabilityTags.IdentityAccess, 0.8, "access+group access+groups team+member team+members project+member project+members org+member user+role " +
            "database+user protected+branch"),
        (CapabilityTags.Financial, 0.8, "credit+note manual+journal bank+transaction"),
        (CapabilityTags.Bulk, 0.7, "delete+all clear+all remove+all"));

    private static FrozenDictionary<string, (string, double)> Build(params (string Tag, double Weight, string Words)[] groups)
    {
        var d = new Dictionary<string, (string, double)>(StringComparer.Ordinal);
        foreach (var (tag, weight, words) in groups)
        {
            foreach (var w in words.Split(' ', StringSplitOptions.RemoveEmptyEntries)) d[w.Replace('+', ' ')] = (tag, weight);
        }
        return d.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
