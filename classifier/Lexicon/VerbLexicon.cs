using System.Collections.Frozen;
using Catalog.Data.Model;

namespace Catalog.Classifier.Lexicon;

/// <summary>
/// The verb table: base verb → category and strength, per LABELING.md. Inflected forms ("deletes", "creating") are
/// generated once at start-up so a lookup is one dictionary probe.
/// </summary>
internal static class VerbLexicon
{
    private const double Strong = 0.85;
    private const double Firm = 0.7;
    private const double Fair = 0.6;
    private const double Weak = 0.5;

    private static readonly FrozenDictionary<string, VerbSense> Forms = Build();

    /// <summary>Every word form the table knows, for the shared word table.</summary>
    public static IEnumerable<string> AllForms => Forms.Keys;

    public static bool TryGet(string word, out VerbSense sense) => Forms.TryGetValue(word, out sense);

    private static IEnumerable<VerbSense> Table()
    {
        // Destructive: removes, overwrites or ends something, per LABELING.md "Destructive".
        foreach (var v in Words("delete remove drop purge destroy terminate revoke wipe truncate uninstall kill erase " +
                                "overwrite obliterate nuke unregister deprovision decommission rm del"))
            yield return new(v, Category.Destructive, Strong, VerbKind.Plain, false);
        foreach (var v in Words("reset clear clean cleanup prune flush abort recreate drain evict shred expunge"))
            yield return new(v, Category.Destructive, 0.8, VerbKind.Plain, false);
        foreach (var v in Words("cancel rebase replace"))
            yield return new(v, Category.Destructive, 0.65, VerbKind.Plain, false);

        // Money out: Destructive with the financial tag when the object is money (VerbContext decides).
        foreach (var v in Words("pay refund charge purchase buy sell withdraw deposit trade swap transfer"))
            yield return new(v, Category.Destructive, Strong, VerbKind.Money, false);
        foreach (var v in Words("place"))
            yield return new(v, Category.Destructive, Strong, VerbKind.Money, true);
        foreach (var v in Words("exchange"))
            yield return new(v, Category.Write, Fair, VerbKind.Plain, true);

        foreach (var v in Words("run execute exec eval evaluate invoke interpret spawn"))
            yield return new(v, Category.Write, Fair, VerbKind.Execute, false);
        foreach (var v in Words("manage administer handle"))
            yield return new(v, Category.Write, Fair, VerbKind.Manage, false);

        // Write: creates or changes reversibly, per LABELING.md "Write".
        foreach (var v in Words("create add insert send reply upload start stop pause resume restart reboot reschedule " +
                                "enable disable activate deactivate untag unstar fork update edit modify change move " +
                                "rename copy install deploy redeploy publish unpublish submit save write append attach " +
                                "assign unassign unlink disconnect login logout authenticate authorize register invite " +
                                "share approve unapprove reject decline accept confirm mark archive unarchive restore " +
                                "revert rollback retry rerun trigger promote scale toggle mute unmute sync push pull " +
                                "clone commit checkout stash init initialize import upsert merge duplicate provision " +
                                "allocate snooze unresolve reopen subscribe unsubscribe follow unfollow watch " +
                                "unwatch like react vote pin unpin lock unlock block unblock transition apply upgrade " +
                                "downgrade bump cherry mint grant unshare enroll configure setup bind unbind detach " +
                                "rotate regenerate renew reindex refresh remember store put alter format hide unhide " +
                                "join leave reorder replay resend repair fix autofix unconfirm integrate " +
                                "invalidate reauthorize complete signal"))
            yield return new(v, Category.Write, Firm, VerbKind.Plain, false);
        foreach (var v in Words("post comment schedule tag star set link forward release order draft record note " +
                                "label book reserve mount block lock patch commit style"))
            yield return new(v, Category.Write, Firm, VerbKind.Plain, true);

        // Acting in the agent's own browser, desktop or device session is Write (LABELING.md).
        foreach (var v in Words("click fill press hover scroll navigate goto drag swipe tap focus dismiss launch " +
                                "resize switch reload emulate interact act close go"))
            yield return new(v, Category.Write, Fair, VerbKind.Plain, false);
        foreach (var v in Words("type select back"))
            yield return new(v, Category.Write, Fair, VerbKind.Plain, true);

        // Opening a document or a node mostly shows it; downloading mostly returns content. Alone, neither is a write.
        foreach (var v in Words("download"))
            yield return new(v, Category.Write, 0.45, VerbKind.Plain, false);
        foreach (var v in Words("open"))
            yield return new(v, Category.Write, Weak, VerbKind.Plain, false);

        // Read: observes only.
        foreach (var v in Words("get list read fetch search find describe show view lookup inspect browse explore " +
                                "analyze analyse audit count compare validate verify calculate compute convert estimate " +
                                "explain diff preview summarize summarise extract scrape crawl monitor ping lint " +
                                "diagnose debug trace think reason retrieve discover detect recommend suggest review " +
                                "parse render visualize measure poll wait capture screenshot snapshot observe " +
                                "print echo whoami check learn infer plan translate transcribe fetchall " +
                                "geocode locate identify classify predict score rank lookup"))
            yield return new(v, Category.Read, Fair, VerbKind.Plain, false);
        // Producing output the caller keeps is a read, but a weak one: "generate" also names creating a resource.
        foreach (var v in Words("generate convert export resolve"))
            yield return new(v, Category.Read, Weak, VerbKind.Plain, false);
        foreach (var v in Words("query test return load is has can should does take"))
            yield return new(v, Category.Read, Weak, VerbKind.Plain, true);
    }

    private static FrozenDictionary<string, VerbSense> Build()
    {
        var forms = new Dictionary<string, VerbSense>(StringComparer.Ordinal);
        foreach (var sense in Table())
        {
            foreach (var form in Inflect(sense.Verb)) forms.TryAdd(form, sense);
        }
        // Base forms win over a colliding inflection of another verb.
        foreach (var sense in Table()) forms[sense.Verb] = sense;
        return forms.ToFrozenDictionary(StringComparer.Ordinal);
    }

    private static IEnumerable<string> Inflect(string v)
    {
        yield return v;
        if (v.EndsWith('y') && v.Length > 2 && !"aeiou".Contains(v[^2]))
        {
            yield return v[..^1] + "ies";
        }
        else if (v.EndsWith('s') || v.EndsWith('x') || v.EndsWith("ch") || v.EndsWith("sh") || v.EndsWith('o'))
        {
            yield return v + "es";
        }
        else
        {
            yield return v + "s";
        }
        yield return v.EndsWith('e') && !v.EndsWith("ee") ? v[..^1] + "ing" : v + "ing";
        // stop → stopping, set → setting: a short consonant-vowel-consonant verb doubles its last letter.
        if (v.Length >= 3 && !"aeiouwxy".Contains(v[^1]) && "aeiou".Contains(v[^2]) && !"aeiou".Contains(v[^3]))
            yield return v + v[^1] + "ing";
    }

    private static string[] Words(string list) => list.Split(' ', StringSplitOptions.RemoveEmptyEntries);
}
