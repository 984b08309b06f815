using System.Text.Json;

namespace Catalog.Crawler.Sources;

/// <summary>
/// Turns a server.json package's <c>packageArguments</c> and <c>environmentVariables</c> into concrete values. A
/// required input with no value gets a visible placeholder: introspection must not need real secrets.
/// </summary>
public static class PackageInputs
{
    public static string Placeholder(string name) => $"placeholder-{name}";

    public static IReadOnlyList<string> Arguments(JsonElement package)
    {
        var args = new List<string>();
        foreach (var a in Json.Array(package, "packageArguments", "package_arguments"))
        {
            var value = Value(a);
            var type = Json.Str(a, "type") ?? "positional";
            var name = Json.Str(a, "name");
            if (type == "named" && !string.IsNullOrEmpty(name))
            {
                if (value is null && !Json.Bool(a, "isRequired", "is_required")) continue;
                args.Add(name);
                if (value is not null) args.Add(value);
            }
            else
            {
                value ??= Json.Bool(a, "isRequired", "is_required") || Json.Str(a, "valueHint", "value_hint") is not null
                    ? Placeholder(Json.Str(a, "valueHint", "value_hint") ?? "arg")
                    : null;
                if (value is not null) args.Add(value);
            }
        }
        return args;
    }

    public static IReadOnlyDictionary<string, string> Environment(JsonElement package)
    {
        var env = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var v in Json.Array(package, "environmentVariables", "environment_variables"))
        {
            var name = Json.Str(v, "name");
            if (string.IsNullOrEmpty(name) || !IsEnvName(name)) continue;
            var value = Value(v);
            if (value is not null) env[name] = value;
            else if (Json.Bool(v, "isRequired", "is_required") || Json.Bool(v, "isSecret", "is_secret")) env[name] = Placeholder(name);
        }
        return env;
    }

    private static string? Value(JsonElement input)
    {
        var value = Json.Str(input, "value") ?? Json.Str(input, "default");
        // {var} templates need values the user supplies at install time; a placeholder stands in for them here.
        if (value is not null && value.Contains('{') && value.Contains('}')) return Placeholder("template");
        return value;
    }

    private static bool IsEnvName(string name) =>
        name.Length <= 128 && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_') && !char.IsAsciiDigit(name[0]);
}
