using System.CommandLine;
using Catalog.Classifier;
using Catalog.Classifier.Evaluation;
using Catalog.Data;
using Catalog.Data.Io;

namespace Catalog.Cli.Commands;

/// <summary><c>catalog eval</c>: accuracy, per-class scores, confusion and calibration on labelled tools.</summary>
internal static class EvalCommand
{
    public static Command Create(CliConsole console)
    {
        var input = new Option<string>("--input") { Description = "Labelled tools, one JSON per line (label.category)", Required = true };
        var ignore = new Option<bool>("--ignore-annotations") { Description = "Measure as if the tools carried no annotations" };
        var cv = new Option<int>("--cv") { Description = "K-fold cross-validation grouped by server (0: measure the committed classifier)" };
        var mode = new Option<string>("--mode") { Description = "combined | rules | model", DefaultValueFactory = _ => "combined" };
        var model = new Option<string?>("--model") { Description = "Weights file (default: the committed data/seed/model.json)" };
        var report = new Option<string?>("--write-report") { Description = "Also write the report as JSON to this file" };
        var mistakes = new Option<string?>("--mistakes") { Description = "Also write every wrong prediction to this file, one JSON per line, most confident first" };
        var command = new Command("eval", "Measure the classifier on labelled tools") { input, ignore, cv, mode, model, report, mistakes };
        command.SetAction(parse =>
        {
            var path = parse.GetValue(input)!;
            var m = parse.GetValue(mode) switch
            {
                "combined" => ClassifierMode.Combined,
                "rules" => ClassifierMode.Rules,
                "model" => ClassifierMode.Model,
                var other => throw new InputException($"unknown --mode '{other}' (expected: combined, rules, model)"),
            };
            var lines = ToolLines.ReadFile(path);
            var folds = parse.GetValue(cv);
            if (folds < 0) throw new InputException($"--cv {folds}: must be 0 or at least 2");
            if (folds == 0 && m == ClassifierMode.Model)
                throw new InputException("--mode model needs --cv K: the committed model reads the rules' outputs");
            var result = folds > 0
                ? Evaluator.CrossValidate(lines, Path.GetFileName(path), folds, m, parse.GetValue(ignore))
                : Evaluator.Measure(lines, Path.GetFileName(path), new ClassifierOptions(parse.GetValue(ignore), m, parse.GetValue(model)));
            console.Out.Write(ReportWriter.Text(result));
            if (parse.GetValue(report) is { } file)
            {
                File.WriteAllText(Created(file), ReportWriter.Json(result));
                console.Out.WriteLine($"report written to {file}");
            }
            if (parse.GetValue(mistakes) is { } wrong)
            {
                File.WriteAllLines(Created(wrong), result.Mistakes.Select(ReportWriter.JsonLine));
                console.Out.WriteLine($"{result.Mistakes.Count} mistakes written to {wrong}");
            }
            return ExitCodes.Ok;
        });
        return command;
    }

    private static string Created(string file)
    {
        var dir = Path.GetDirectoryName(Path.GetFullPath(file));
        if (dir is not null) Directory.CreateDirectory(dir);
        return file;
    }
}
