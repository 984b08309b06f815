using Catalog.Classifier.Signals;
using Catalog.Data.Model;

namespace Catalog.Classifier.Rules;

/// <summary>
/// Reaching people outside: sending, replying to or forwarding a message, posting to a channel, inviting, or creating
/// and answering calendar events (attendees are notified). Drafts and comments stay inside.
/// </summary>
internal sealed class ExternalCommunicationRule : IRule
{
    private static readonly HashSet<string> SendVerbs = new(StringComparer.Ordinal)
    {
        "send", "reply", "forward", "post", "resend", "broadcast", "notify", "schedule", "tweet", "dm", "respond", "replay", "share",
    };

    private static readonly HashSet<string> Messages = new(StringComparer.Ordinal)
    {
        "email", "emails", "mail", "message", "messages", "sms", "chat", "draft", "notification", "notifications", "thread",
        "channel", "tweet", "reply", "text", "whatsapp", "newsletter", "confirmation", "invitation", "file", "comment",
    };

    private static string? FirstVerb(List<string> tokens)
    {
        foreach (var t in tokens) if (Lexicon.VerbLexicon.TryGet(t, out var sense)) return sense.Verb;
        return null;
    }

    public void Apply(ToolFacts facts, EvidenceSink sink)
    {
        var tokens = facts.NameTokens;
        var quote = facts.Name;
        // The sending verb must lead: create_reply_draft only drafts, go_forward only navigates.
        var verb = FirstVerb(tokens);
        if (verb is not null && SendVerbs.Contains(verb) && Messages.ContainsAnyOf(tokens) && !tokens.Contains("draft") | verb == "send")
        {
            sink.Tag(CapabilityTags.ExternalCommunication, Sources.Name, quote, 0.8);
            return;
        }
        if (tokens.Contains("event") || tokens.Contains("events"))
        {
            if (tokens.Any(t => t is "create" or "respond" or "accept" or "decline" or "tentatively" or "invite" or "delete" or "cancel"))
                sink.Tag(CapabilityTags.ExternalCommunication, Sources.Name, quote, 0.6);
        }
        if (tokens.Contains("invite") && tokens.Any(t => t is "user" or "member" or "email" or "team" or "people"))
            sink.Tag(CapabilityTags.ExternalCommunication, Sources.Name, quote, 0.6);
    }
}
