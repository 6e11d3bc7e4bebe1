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
        ConfirmImport.Map(imports);
    }

    public static IServiceCollection AddRecetaImports(this IServiceCollection services)
    {
        services.AddSingleton<ImportUploads>();
        services.AddSingleton<ImportQueue>();
        services.AddSingleton<ImportRunner>();
        services.AddHostedService<ImportWorker>();
        // A browser's upload is read as a form (its antiforgery token is a field); every other form
        // stays within the 1 MiB request limit, which is enforced before any form is read.
        services.Configure<Microsoft.AspNetCore.Http.Features.FormOptions>(form =>
            form.MultipartBodyLengthLimit = ImportUploads.MaxFileBytes + ImportUploadLimitAttribute.FormOverheadBytes);
        return services;
    }
}
