using System.Globalization;
using System.Text;
using System.Text.Json;
using Catalog.Data;

namespace Catalog.Classifier.Learning;

/// <summary>
/// Reads and writes the model's weights: only non-zero buckets, one per line, so the committed file stays small
/// and a retrain shows as a readable diff.
/// </summary>
internal static class ModelFile
{
    public const string Format = "hashed-logistic-1";
    public const string FileName = "model.json";

    /// <summary>The committed model beside the program (copied from <c>data/seed/</c>), or in the source tree.</summary>
    public static string? DefaultPath()
    {
        var beside = Path.Combine(AppContext.BaseDirectory, "seed", FileName);
        if (File.Exists(beside)) return beside;
        var tree = Path.Combine("data", "seed", FileName);
        return File.Exists(tree) ? tree : null;
    }

    public static void Write(string path, LogisticModel model, int tools, int servers)
    {
        var dir = Path.GetDirectoryName(Path.GetFullPath(path));
        if (dir is not null) Directory.CreateDirectory(dir);
        var sb = new StringBuilder();
        var ci = CultureInfo.InvariantCulture;
        sb.Append("{\"format\":\"").Append(Format).Append("\",\"bucketBits\":").Append(model.BucketBits.ToString(ci))
            .Append(",\"usesRules\":").Append(model.UsesRules ? "true" : "false")
            .Append(",\"trainedOn\":{\"tools\":").Append(tools.ToString(ci)).Append(",\"servers\":").Append(servers.ToString(ci)).Append('}')
            .Append(",\"calibration\":{\"a\":").Append(model.Calibration.A.ToString("R", ci)).Append(",\"b\":").Append(model.Calibration.B.ToString("R", ci)).Append('}')
            .Append(",\"weights\":[\n");
        var w = model.Weights;
        var first = true;
        for (var i = 0; i < w.Length / LogisticModel.Classes; i++)
        {
            var at = i * LogisticModel.Classes;
            if (w[at] == 0 && w[at + 1] == 0 && w[at + 2] == 0) continue;
            if (!first) sb.Append(",\n");
            first = false;
            sb.Append('[').Append(i.ToString(ci)).Append(',').Append(w[at].ToString("0.####", ci)).Append(',')
                .Append(w[at + 1].ToString("0.####", ci)).Append(',').Append(w[at + 2].ToString("0.####", ci)).Append(']');
        }
        sb.Append("\n]}\n");
        File.WriteAllText(path, sb.ToString());
    }

    public static LogisticModel Read(string path)
    {
        if (!File.Exists(path)) throw new InputException($"{path}: model file not found");
        using var doc = JsonDocument.Parse(File.ReadAllBytes(path));
        var root = doc.RootElement;
        try
        {
            if (root.GetProperty("format").GetString() != Format) throw new InputException($"{path}: not a {Format} model");
            var bits = root.GetProperty("bucketBits").GetInt32();
            if (bits is < 8 or > 24) throw new InputException($"{path}: bucketBits {bits} out of range");
            var weights = new float[(1 << bits) * LogisticModel.Classes];
            foreach (var row in root.GetProperty("weights").EnumerateArray())
            {
                var at = row[0].GetInt32() * LogisticModel.Classes;
                weights[at] = row[1].GetSingle();
                weights[at + 1] = row[2].GetSingle();
                weights[at + 2] = row[3].GetSingle();
            }
            var cal = root.GetProperty("calibration");
            return new LogisticModel(bits, root.GetProperty("usesRules").GetBoolean(), weights,
                new Calibration(cal.GetProperty("a").GetDouble(), cal.GetProperty("b").GetDouble()));
        }
        catch (Exception ex) when (ex is KeyNotFoundException or InvalidOperationException or FormatException or IndexOutOfRangeException)
        {
            throw new InputException($"{path}: malformed model ({ex.Message})", ex);
        }
    }
}
