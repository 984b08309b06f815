namespace Catalog.Data;

/// <summary>Something the machine lacks (bubblewrap, node, npm). The CLI prints how to install it and exits with 3.</summary>
public sealed class MissingPrerequisiteException(string message) : Exception(message);
