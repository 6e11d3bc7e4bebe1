using System.Text.Json;
using System.Text.Json.Serialization;
using Receta.Cli.Local;
using Receta.Contracts;
using Receta.Core.Circle;
using Receta.Core.Perseverance;
using Receta.Core.Progress;
using Receta.Core.Purpose;
using Receta.Core.Roadmap;
using Receta.Core.Scorecard;

namespace Receta.Cli;

/// <summary>
/// Every type <c>receta</c> reads or writes as JSON (the API's records from Receta.Contracts, and
/// its own files), source-generated (no reflection at startup,
/// nothing for the AOT compiler to trim away): the API's camelCase names and enums as camelCase strings.
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    Converters = [
        typeof(CamelCaseEnum<ProgressStatus>), typeof(CamelCaseEnum<GoalStatus>), typeof(CamelCaseEnum<CircleRole>),
        typeof(CamelCaseEnum<MilestoneStatus>), typeof(CamelCaseEnum<AttemptOutcome>), typeof(CamelCaseEnum<Aggregation>),
        typeof(CamelCaseEnum<Ingredient>), typeof(CamelCaseEnum<AppliedKind>), typeof(CamelCaseEnum<Weekday>)])]
[JsonSerializable(typeof(CliConfig))]
[JsonSerializable(typeof(QueuedRequest))]
[JsonSerializable(typeof(NameCache))]
[JsonSerializable(typeof(CreateTokenRequest))]
[JsonSerializable(typeof(CreateTokenResponse))]
[JsonSerializable(typeof(AccountResponse))]
[JsonSerializable(typeof(GoalResponse))]
[JsonSerializable(typeof(Page<GoalResponse>))]
[JsonSerializable(typeof(AddEntryRequest))]
[JsonSerializable(typeof(EntryResponse))]
[JsonSerializable(typeof(LogWorkRequest))]
[JsonSerializable(typeof(WorkSessionResponse))]
[JsonSerializable(typeof(CheckHabitRequest))]
[JsonSerializable(typeof(HabitCheckResponse))]
[JsonSerializable(typeof(ItemList<HabitResponse>))]
[JsonSerializable(typeof(HabitResponse))]
[JsonSerializable(typeof(HabitFields))]
[JsonSerializable(typeof(AttemptFields))]
[JsonSerializable(typeof(BreakFields))]
[JsonSerializable(typeof(BreakResponse))]
[JsonSerializable(typeof(AttemptResponse))]
[JsonSerializable(typeof(ProgressResponse))]
[JsonSerializable(typeof(RoadmapResponse))]
[JsonSerializable(typeof(ReadinessResponse))]
[JsonSerializable(typeof(RecipeResponse))]
[JsonSerializable(typeof(DashboardResponse))]
[JsonSerializable(typeof(ImportResponse))]
[JsonSerializable(typeof(CalendarFeedResponse))]
[JsonSerializable(typeof(CreateCalendarFeedResponse))]
[JsonSerializable(typeof(CreateWebhookRequest))]
[JsonSerializable(typeof(CreatedWebhookResponse))]
[JsonSerializable(typeof(Page<WebhookResponse>))]
internal sealed partial class CliJsonContext : JsonSerializerContext;

/// <summary>An enum as the API writes it: <c>"onTrack"</c>.</summary>
internal sealed class CamelCaseEnum<T>() : JsonStringEnumConverter<T>(JsonNamingPolicy.CamelCase) where T : struct, Enum;
