using System.CommandLine;
using Catalog.Classifier.Evaluation;
using Catalog.Data.Io;

namespace Catalog.Cli.Commands;

/// <summary><c>catalog train</c>: fits the combined model on labelled tools and writes its weights.</summary>
internal static class TrainCommand
{
    public static Command Create(CliConsole console)
    {
        var input = new Option<string>("--input") { Description = "Labelled tools, one JSON per line (label.category)", Required = true };
        var output = new Option<string>("--out") { Description = "Where to write the weights", DefaultValueFactory = _ => Path.Combine("data", "seed", "model.json") };
        var command = new Command("train", "Train the learned model beside the rules (deterministic) and write its weights") { input, output };
        command.SetAction(parse =>
        {
            var lines = ToolLines.ReadFile(parse.GetValue(input)!);
            var path = parse.GetValue(output)!;
            // Annotations are the author's claim: the model learns from the definition itself.
            var (tools, servers, weights) = Evaluator.Train(lines, path, ignoreAnnotations: true);
            console.Out.WriteLine($"trained on {tools} tools from {servers} servers; {weights} non-zero buckets written to {path} ({new FileInfo(path).Length / 1024} KiB)");
            return ExitCodes.Ok;
        });
        return command;
    }
}
