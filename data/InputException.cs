namespace Catalog.Data;

/// <summary>
/// Bad input from the user or a document they named (missing file, malformed JSON, unknown id). The CLI prints the
/// message as one line and exits with code 2; it is never a bug.
/// </summary>
public sealed class InputException(string message, Exception? inner = null) : Exception(message, inner);
