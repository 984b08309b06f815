using Catalog.Data.Model;

namespace Catalog.Site.Text;

/// <summary>A known way attackers abuse a kind of access, in a sentence or two.</summary>
public sealed record Attack(string Name, string Text);

/// <summary>"Attacks that exploit this kind of access": one entry for the category, one per tag that has one.</summary>
public static class Attacks
{
    public static IReadOnlyList<Attack> For(Category category, IReadOnlyList<string> tags)
    {
        var result = new List<Attack> { ForCategory(category) };
        foreach (var tag in CapabilityTags.All.Where(tags.Contains))
        {
            if (ForTag(tag) is { } attack) result.Add(attack);
        }
        return result;
    }

    private static Attack ForCategory(Category category) => category switch
    {
        Category.Read => new("Reconnaissance and leakage",
            "Text the agent reads — a web page, an issue, an email — tells it to look up data it does not need and repeat it " +
            "where the attacker can see it. Nothing is changed, but what was read can leave with the next reply or tool call."),
        Category.Write => new("Runaway and injected writes",
            "A looping agent, or one steered by injected instructions, creates or changes records at machine speed: spam, " +
            "corrupted data, or an attacker's content planted under your account."),
        _ => new("Prompt-injected deletion",
            "An instruction hidden in content the agent reads tells it to call this tool. The agent complies, and the data or " +
            "resource is gone before anyone reviews the call."),
    };

    private static Attack? ForTag(string tag) => tag switch
    {
        CapabilityTags.CodeExecution => new("Remote code execution",
            "Whoever controls text the agent reads can get a command of their choosing run with the server's privileges: a " +
            "backdoor installed, environment secrets read, or the host wiped."),
        CapabilityTags.Financial => new("Unauthorised payments",
            "An injected or confused agent sends money to the wrong account or in the wrong amount. Transfers are rarely reversible."),
        CapabilityTags.Credentials => new("Credential theft",
            "The agent is steered into creating, revealing or forwarding keys and tokens, handing an attacker access that " +
            "outlives the session."),
        CapabilityTags.IdentityAccess => new("Privilege escalation",
            "Injected instructions grant an attacker's account a role, or remove the owners' access."),
        CapabilityTags.ExternalCommunication => new("Exfiltration by message",
            "The agent is told to send private data to an outside address, or to send phishing in your name to people who trust you."),
        CapabilityTags.DataExfiltration => new("Data exfiltration",
            "A parameter that takes a URL or destination lets an injected instruction ship data anywhere the attacker likes."),
        CapabilityTags.Infrastructure => new("Infrastructure takeover or outage",
            "Changes to cloud resources, DNS, firewalls or clusters can open a way in or take production down."),
        CapabilityTags.Filesystem => new("Path traversal and file tampering",
            "Arguments that reach outside the intended folder read secrets such as SSH keys or rewrite configuration."),
        CapabilityTags.Database => new("Query injection",
            "Crafted input reads or changes tables the agent was never meant to touch."),
        CapabilityTags.PersonalData => new("Privacy breach",
            "Personal records the agent reads end up in logs, prompts, or replies to the wrong person."),
        CapabilityTags.Bulk => new("Amplification",
            "One call affects many items, so a single injected or mistaken call does damage at scale."),
        CapabilityTags.OpenWorld => new("Indirect prompt injection",
            "Content fetched from the open internet carries instructions that the agent may follow in its next tool calls."),
        _ => null,
    };
}
