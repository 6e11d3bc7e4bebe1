using Receta.Scale;

ScaleOptions options;
try
{
    options = ScaleOptions.Parse(args);
}
catch (Exception e) when (e is ArgumentException or FormatException or InvalidOperationException)
{
    Console.Error.WriteLine(e.Message);
    Console.Error.WriteLine(ScaleOptions.Usage);
    return 2;
}

using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancel.Cancel();
};
if (options.Command == "generate")
{
    await Generator.GenerateAsync(options.Provider, options.Connection!, new Dataset(options.Users, options.Entries, options.Seed), Console.Out, cancel.Token);
    return 0;
}
return await Measurement.RunAsync(options, Console.Out, cancel.Token);
