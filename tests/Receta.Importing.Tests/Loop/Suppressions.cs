using System.Diagnostics.CodeAnalysis;

[assembly: SuppressMessage(
    "Naming",
    "CA1716:Identifiers should not match keywords",
    Scope = "namespace",
    Target = "~N:Receta.Importing.Tests.Loop",
    Justification = "Loop is the app's name, mirrored from the namespace under test; C# only, where it is no keyword.")]
