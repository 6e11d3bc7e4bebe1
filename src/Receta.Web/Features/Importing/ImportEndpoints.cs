namespace Receta.Web.Features.Importing;

public static class ImportEndpoints
{
    public static void MapImports(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var imports = api.MapGroup("/imports").WithTags("Imports");
        StartImport.Map(imports);
        GetImport.Map(imports);
        ListImports.Map(imports);
    }

    public static IServiceCollection AddRecetaImports(this IServiceCollection services)
    {
        services.AddSingleton<ImportUploads>();
        services.AddSingleton<ImportQueue>();
        services.AddSingleton<ImportRunner>();
        services.AddHostedService<ImportWorker>();
        return services;
    }
}
