using System.CommandLine;
using System.Text;
using System.Text.Json;
using Catalog.Classifier;
using Catalog.Cli.Stages;
using Catalog.Data;
using Catalog.Data.Io;

namespace Catalog.Cli.Commands;

internal static class ClassifyCommand
{
    public static Command Create(CliConsole console)
    {
        var db = CommonOptions.Db();
        var input = new Option<string?>("--input") { Description = "Classify tools given one JSON per line instead of the store" };
        var ignore = new Option<bool>("--ignore-annotations") { Description = "Classify as if the tools carried no annotations" };
        var format = new Option<string>("--format") { Description = "Output format for --input: jsonl", DefaultValueFactory = _ => "jsonl" };
        var command = new Command("classify", "Classify every tool in the store, or the tools of a JSONL file") { db, input, ignore, format };
        command.SetAction(parse =>
        {
            var options = new ClassifierOptions(IgnoreAnnotations: parse.GetValue(ignore));
            if (parse.GetValue(input) is { } path)
            {
                if (parse.GetValue(format) != "jsonl") throw new InputException($"unknown --format '{parse.GetValue(format)}' (expected: jsonl)");
                WriteLines(console.Out, ToolLines.ReadFile(path), new ToolClassifier(options));
                return ExitCodes.Ok;
            }
            using var store = StoreFile.OpenExisting(parse.GetValue(db)!);
            ClassifyStage.Run(console, store, options);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static void WriteLines(TextWriter output, IReadOnlyList<ToolLine> lines, ToolClassifier classifier)
    {
        foreach (var line in lines)
        {
            var c = classifier.Classify(new ToolInput(line.Server, line.Tool));
            var buffer = new MemoryStream();
            using (var w = new Utf8JsonWriter(buffer))
            {
                w.WriteStartObject();
                w.WriteString("server", line.Server);
                w.WriteString("name", line.Tool.Name);
                ClassificationJson.WriteFields(w, c);
                w.WritePropertyName("policy");
                var rendered = PolicyRendering.Render(ClassifyStage.PolicyFormat, line.Server, null, [(line.Tool, c)]).Content;
                using (var policy = JsonDocument.Parse(rendered)) policy.RootElement.WriteTo(w);
                w.WriteEndObject();
            }
            output.WriteLine(Encoding.UTF8.GetString(buffer.ToArray()));
        }
    }
}
