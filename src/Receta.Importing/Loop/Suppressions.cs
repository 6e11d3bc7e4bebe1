using System.Diagnostics.CodeAnalysis;

[assembly: SuppressMessage(
    "Naming",
    "CA1716:Identifiers should not match keywords",
    Scope = "namespace",
    Target = "~N:Receta.Importing.Loop",
    Justification = "Loop is the app's name; the namespace is used from C# only, where it is no keyword.")]
