using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Receta.Data.Accounts;

namespace Receta.Web.Infrastructure.Idempotency;

public static class IdempotencyServiceCollectionExtensions
{
    /// <summary>
    /// The hourly purge of expired keys, and the optional <c>Idempotency-Key</c> header in the OpenAPI
    /// description of every call <see cref="IdempotencyMiddleware"/> covers.
    /// </summary>
    public static IServiceCollection AddRecetaIdempotency(this IServiceCollection services)
    {
        services.AddSingleton<IdempotencyPurge>();
        services.AddHostedService(provider => provider.GetRequiredService<IdempotencyPurge>());
        services.ConfigureAll<OpenApiOptions>(options => options.AddOperationTransformer((operation, context, _) =>
        {
            var call = context.Description;
            if (call.HttpMethod is { } method && IdempotencyMiddleware.Covers(method, new PathString("/" + call.RelativePath)))
            {
                operation.Parameters ??= [];
                operation.Parameters.Add(new OpenApiParameter
                {
                    Name = IdempotencyMiddleware.HeaderName,
                    In = ParameterLocation.Header,
                    Required = false,
                    Description = "Makes the call safe to retry: a second request with this key within 24 hours runs nothing and "
                        + "gets the first one's answer; the key with another request answers 422, and while the first still "
                        + "runs, 409. Keys are per account.",
                    Schema = new OpenApiSchema
                    {
                        Type = JsonSchemaType.String,
                        MinLength = 1,
                        MaxLength = IdempotentRequest.MaxKeyLength,
                        Pattern = "^[!-~]+$",
                    },
                });
            }
            return Task.CompletedTask;
        }));
        return services;
    }
}
