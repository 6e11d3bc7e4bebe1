using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.OpenApi;

namespace Receta.Web.Infrastructure;

/// <summary>
/// What <c>/openapi/v1.json</c> says beyond what the framework infers, so that a client generated
/// from it is right: who may call (bearer token or the session cookie), every path parameter (the
/// goal's is bound by the access check, not by the handler, so the framework cannot see it), and
/// the limits of what the server accepts and sends.
/// </summary>
public static class OpenApiDescription
{
    public const string BearerScheme = "bearer";
    public const string CookieScheme = "cookie";

    /// <summary>Ids are GUIDs: 36 characters.</summary>
    private const int IdLength = 36;

    /// <summary>The longest ISO 8601 instant the API writes ("2025-03-01T12:00:00.0000000+00:00").</summary>
    private const int InstantLength = 33;

    public static IServiceCollection AddRecetaOpenApi(this IServiceCollection services, IHostEnvironment environment, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(configuration);
        var cookies = BrowserCookies.For(environment);
        var home = PublicUrls.Home(configuration);
        return services.AddOpenApi(options =>
        {
            options.AddDocumentTransformer((document, _, _) =>
            {
                Describe(document, cookies, home);
                return Task.CompletedTask;
            });
            options.AddOperationTransformer(async (operation, context, cancellationToken) =>
            {
                operation.OperationId ??= OperationId(context);
                AddPathParameters(operation, context);
                AddSecurity(operation, context);
                await DescribeMergePatchAsync(operation, context, cancellationToken);
            });
            options.AddSchemaTransformer((schema, context, _) =>
            {
                Bound(schema, context);
                return Task.CompletedTask;
            });
        });
    }

    private static void Describe(OpenApiDocument document, BrowserCookies cookies, Uri home)
    {
        document.Info = new OpenApiInfo
        {
            Title = "Receta API",
            Version = "v1",
            Description = "José Hernández's recipe for success: a goal and its six ingredients. "
                + "Errors are RFC 9457 problem details; every computed view takes ?asOf=YYYY-MM-DD.",
        };
        document.Info.Contact = new OpenApiContact { Name = "Receta", Url = home };
        foreach (var server in document.Servers ?? [])
        {
            server.Url = server.Url?.TrimEnd('/');
            // The document describes the server it was read from: the app people use, not an internal one.
            server.Extensions ??= new Dictionary<string, IOpenApiExtension>(StringComparer.Ordinal);
            server.Extensions["x-internal"] = new JsonNodeExtension(System.Text.Json.Nodes.JsonValue.Create(false));
        }
        document.Components ??= new OpenApiComponents();
        // A merge patch is read as raw JSON, but described as the fields it carries (DescribeMergePatchAsync).
        document.Components.Schemas?.Remove("JsonElement");
        document.Components.SecuritySchemes = new Dictionary<string, IOpenApiSecurityScheme>(StringComparer.Ordinal)
        {
            [BearerScheme] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                Description = "A personal access token from POST /api/v1/auth/tokens.",
            },
            [CookieScheme] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.ApiKey,
                In = ParameterLocation.Cookie,
                Name = cookies.Session,
                Description = "The web app's session (POST /api/v1/auth/sessions); changes also need the antiforgery token of GET /api/v1/auth/antiforgery.",
            },
        };
    }

    /// <summary>The use case's name: the class that maps the endpoint (<c>AddEntry</c>), unless the endpoint names itself.</summary>
    private static string? OperationId(OpenApiOperationTransformerContext context)
    {
        var handler = context.Description.ActionDescriptor.EndpointMetadata.OfType<System.Reflection.MethodInfo>().FirstOrDefault();
        var type = handler?.DeclaringType;
        // A lambda lives in a compiler-made class nested in the use case's class.
        while (type is { DeclaringType: not null } && type.Name.StartsWith('<'))
        {
            type = type.DeclaringType;
        }
        return type?.Name;
    }

    /// <summary>Every <c>{name}</c> of the route is a required path parameter, declared or not by the handler.</summary>
    private static void AddPathParameters(OpenApiOperation operation, OpenApiOperationTransformerContext context)
    {
        var template = context.Description.RelativePath;
        if (template is null)
        {
            return;
        }
        operation.Parameters ??= [];
        foreach (var parameter in RoutePatternFactory.Parse(template).Parameters)
        {
            if (operation.Parameters.Any(p => p.In == ParameterLocation.Path && p.Name == parameter.Name))
            {
                continue;
            }
            var isDate = parameter.Name.Equals("date", StringComparison.OrdinalIgnoreCase);
            operation.Parameters.Add(new OpenApiParameter
            {
                Name = parameter.Name,
                In = ParameterLocation.Path,
                Required = true,
                Schema = isDate
                    ? new OpenApiSchema { Type = JsonSchemaType.String, Format = "date", MaxLength = 10 }
                    : new OpenApiSchema { Type = JsonSchemaType.String, Format = "uuid", MaxLength = IdLength },
            });
        }
    }

    /// <summary>A PATCH reads raw JSON to merge it; a client sends any subset of the resource's writable fields.</summary>
    private static async Task DescribeMergePatchAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        if (context.Description.ActionDescriptor.EndpointMetadata.OfType<MergePatchOf>().LastOrDefault() is not { } patch)
        {
            return;
        }
        var schema = await context.GetOrCreateSchemaAsync(patch.Fields, null, cancellationToken);
        operation.RequestBody = new OpenApiRequestBody
        {
            Required = true,
            Description = "A JSON merge patch (RFC 7396): any of these fields; null removes an optional one.",
            Content = new Dictionary<string, OpenApiMediaType>(StringComparer.Ordinal)
            {
                [JsonMergePatch.MediaType] = new() { Schema = schema },
                ["application/json"] = new() { Schema = schema },
            },
        };
    }

    /// <summary>An endpoint that needs a caller accepts either a bearer token or the session cookie.</summary>
    private static void AddSecurity(OpenApiOperation operation, OpenApiOperationTransformerContext context)
    {
        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        if (metadata.OfType<IAllowAnonymous>().Any() || !metadata.OfType<IAuthorizeData>().Any())
        {
            operation.Security = [];
            return;
        }
        var document = context.Document;
        operation.Security =
        [
            new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(BearerScheme, document)] = [] },
            new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(CookieScheme, document)] = [] },
        ];
    }

    /// <summary>
    /// Limits where a contract declares none: ids, dates and instants have their lengths, and whole
    /// numbers their type's range. A string the server writes (a hint, a token) is far shorter than
    /// the longest text it accepts, which bounds every other string.
    /// </summary>
    private static void Bound(OpenApiSchema schema, OpenApiSchemaTransformerContext context)
    {
        if (schema.Type is not { } type)
        {
            return;
        }
        if (type.HasFlag(JsonSchemaType.Array) && schema.MaxItems is null
            && MaxItems(context.JsonPropertyInfo?.DeclaringType, context.JsonPropertyInfo?.Name) is { } maxItems)
        {
            schema.MaxItems = maxItems;
        }
        if (context.JsonPropertyInfo is { Name: "errors" } errors && errors.DeclaringType.IsAssignableTo(typeof(HttpValidationProblemDetails))
            && schema.AdditionalProperties is OpenApiSchema messages)
        {
            // A field collects one message per rule it breaks, or per item of a list (dependsOn).
            messages.MaxItems = ApiLimits.MaxDependencies;
        }
        if (type.HasFlag(JsonSchemaType.String) && schema.MaxLength is null && schema.Enum is not { Count: > 0 })
        {
            schema.MaxLength = schema.Format switch
            {
                "uuid" => IdLength,
                "date" => 10,
                "date-time" => InstantLength,
                _ => ApiLimits.MaxTextLength,
            };
        }
        if (type.HasFlag(JsonSchemaType.Integer) && schema.Minimum is null && schema.Maximum is null)
        {
            var is64 = schema.Format == "int64";
            schema.Minimum = (is64 ? long.MinValue : int.MinValue).ToString(CultureInfo.InvariantCulture);
            schema.Maximum = (is64 ? long.MaxValue : int.MaxValue).ToString(CultureInfo.InvariantCulture);
        }
    }

    /// <summary>
    /// The bounded lists: what a request may carry, and pages. A computed view returns all of a
    /// goal's items (api.md: computed views never page), so its lists have no bound to declare.
    /// </summary>
    private static int? MaxItems(Type? declaringType, string? property) => (declaringType, property) switch
    {
        ({ IsGenericType: true } page, "items") when page.GetGenericTypeDefinition() == typeof(Page<>) => ApiLimits.MaxPageSize,
        (_, "items") when declaringType == typeof(WorkLogResponse) => ApiLimits.MaxPageSize,
        // The dashboard shows the first page of the caller's goals (GetDashboard).
        (_, "items") when declaringType == typeof(DashboardResponse) => ApiLimits.MaxPageSize,
        (_, "dependsOn") when declaringType == typeof(MilestoneFields) || declaringType == typeof(MilestoneResponse) || declaringType == typeof(RoadmapItem)
            || declaringType == typeof(ExportMilestone) => ApiLimits.MaxDependencies,
        (_, "blockedBy") when declaringType == typeof(RoadmapItem) => ApiLimits.MaxDependencies,
        (_, "resources") when declaringType == typeof(SkillFields) || declaringType == typeof(SkillResponse) || declaringType == typeof(ExportSkill) => ApiLimits.MaxResources,
        (_, "errors") when declaringType == typeof(ImportResponse) => Importing.ImportProblems.MaxErrors,
        (_, "warnings") when declaringType == typeof(ImportResponse) => Importing.ImportProblems.MaxWarnings,
        ({ IsGenericType: true } list, "items") when list.GetGenericTypeDefinition() == typeof(ItemList<>) && list.GetGenericArguments()[0] == typeof(ImportResponse)
            => Features.Importing.ListImports.Shown,
        (_, "ingredients") when declaringType == typeof(RecipeResponse) => 6,
        (_, "reminders") when declaringType == typeof(HabitFields) || declaringType == typeof(HabitResponse) => ApiLimits.MaxRemindersPerHabit,
        (_, "weekdays") when declaringType == typeof(ReminderFields) || declaringType == typeof(ReminderResponse) => 7,
        (_, "items") when declaringType == typeof(CalibrationResponse) => Core.Progress.ForecastCalibration.Checks,
        (_, "recoveryCodes") when declaringType == typeof(RecoveryCodesResponse) => Features.Accounts.TwoFactor.RecoveryCodeCount,
        (_, "events") when declaringType == typeof(CreateWebhookRequest) || declaringType == typeof(CreatedWebhookResponse) || declaringType == typeof(WebhookResponse)
            => Features.Webhooks.WebhookEventTypes.All.Count,
        (_, "items") when declaringType == typeof(WebhookDeliveriesResponse) => Features.Webhooks.ListWebhookDeliveries.Latest,
        _ => null,
    };
}
