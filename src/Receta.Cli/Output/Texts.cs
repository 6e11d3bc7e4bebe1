using System.Globalization;

namespace Receta.Cli.Output;

/// <summary>
/// Every word <c>receta</c> prints for people, in English and Spanish: one instance per language,
/// compiled in (no resource lookup at startup). A third language is one more instance. Words for
/// statuses follow the web UI's (StatusBadge).
/// </summary>
public sealed class Texts
{
    public required string Code { get; init; }
    public required string DecimalSeparator { get; init; }

    public required string Ahead { get; init; }
    public required string OnTrack { get; init; }
    public required string Behind { get; init; }
    public required string OffTrack { get; init; }
    public required string Achieved { get; init; }
    public required string Open { get; init; }

    public required string ColumnStatus { get; init; }
    public required string ColumnGoal { get; init; }
    public required string ColumnDone { get; init; }
    public required string ColumnBuffer { get; init; }
    public required string ColumnNext { get; init; }
    public required string ColumnForecast { get; init; }
    public required string ColumnScore { get; init; }
    public required string ColumnOnTime { get; init; }
    public required string OnTime { get; init; }
    public required Func<string, string, string> AtCapacity { get; init; }
    public required Func<string, string, string, string> BreakTaken { get; init; }

    /// <summary>The progress bar's label: the file's name.</summary>
    public required Func<string, string> Importing { get; init; }

    /// <summary>How many of a kind (goals, habits, checks, …) an import made: the count and the API's name of the kind.</summary>
    public required Func<long, string, string> Made { get; init; }

    public required Func<string, string> Imported { get; init; }
    public required Func<string, string> WouldImport { get; init; }
    public required Func<long, long, string> ImportSkipped { get; init; }
    public required string NothingNew { get; init; }
    public required string ImportFailed { get; init; }
    public required Func<string, string> Exported { get; init; }
    public required Func<string, string> CalendarMade { get; init; }
    public required Func<string, string> CalendarExists { get; init; }
    public required string CalendarRevoked { get; init; }
    public required Func<string, string, string, string> ReminderSet { get; init; }
    public required Func<string, string, string> ReminderRemoved { get; init; }
    public required Func<string, string, string> NoReminderAt { get; init; }
    public required Func<string, string> NoReminders { get; init; }
    public required string EveryDay { get; init; }
    public required string NotATime { get; init; }
    public required Func<string, string> NotAWeekday { get; init; }
    public required string NoWebhooks { get; init; }
    public required string ColumnUrl { get; init; }
    public required string ColumnEvents { get; init; }
    public required string ColumnState { get; init; }
    public required string WebhookOn { get; init; }
    public required Func<string, string> WebhookDisabled { get; init; }
    public required Func<string, string> WebhookAdded { get; init; }
    public required string WebhookRemoved { get; init; }
    public required string ColumnId { get; init; }
    public required string ColumnTitle { get; init; }
    public required string ColumnRole { get; init; }
    public required string ColumnDue { get; init; }
    public required string ColumnRemaining { get; init; }
    public required string ColumnStart { get; init; }
    public required string ColumnFinish { get; init; }
    public required string ColumnLate { get; init; }
    public required string ColumnHabits { get; init; }

    public required string Days { get; init; }
    public required string Hours { get; init; }
    public required string Yes { get; init; }
    public required string Todo { get; init; }
    public required string DoneStatus { get; init; }
    public required string NoGoals { get; init; }
    public required string NoMilestones { get; init; }
    public required string Progress { get; init; }
    public required string Roadmap { get; init; }
    public required string ProjectedFinish { get; init; }
    public required string HabitsToday { get; init; }

    public required Func<string, string, string, string> Logged { get; init; }
    public required Func<string, string> GoalStatusWord { get; init; }
    public required Func<string, string> RoleWord { get; init; }
    public required string Score { get; init; }
    public required string NextMilestone { get; init; }
    public required string Due { get; init; }
    public required string Buffer { get; init; }
    public required Func<string, string, string> Worked { get; init; }
    public required Func<string, string, string> Checked { get; init; }
    public required Func<string, string, string> AlreadyChecked { get; init; }
    public required Func<string, string, string> Skipped { get; init; }
    public required Func<string, string, string> AlreadySkipped { get; init; }
    public required Func<int, string, string> AttemptRecorded { get; init; }
    public required Func<int, string> Queued { get; init; }
    public required Func<int, string> SentQueued { get; init; }
    public required Func<int, int, int, string> SyncSummary { get; init; }
    public required string NothingToSync { get; init; }
    public required Func<int, string> QueuedForOtherServers { get; init; }
    public required Func<string, string, string> SignedIn { get; init; }
    public required string SignedOut { get; init; }
    public required string NotSignedIn { get; init; }
    public required Func<string, string> Unreachable { get; init; }
    public required string AskEmail { get; init; }
    public required string AskPassword { get; init; }
    public required string AskCode { get; init; }
    public required Func<string, string> NoMatch { get; init; }
    public required Func<string, int, string> Ambiguous { get; init; }

    public static readonly Texts English = new()
    {
        Code = "en",
        DecimalSeparator = ".",
        Ahead = "ahead",
        OnTrack = "on track",
        Behind = "behind",
        OffTrack = "off track",
        Achieved = "achieved",
        Open = "open",
        ColumnStatus = "STATUS",
        ColumnGoal = "GOAL",
        ColumnDone = "DONE",
        ColumnBuffer = "BUFFER",
        ColumnNext = "NEXT MILESTONE",
        ColumnForecast = "P50–P90",
        ColumnScore = "SCORE",
        ColumnOnTime = "ON TIME",
        OnTime = "on time",
        AtCapacity = (hours, date) => $"At your planned {hours} h a week you arrive on {date}.",
        BreakTaken = (goal, from, to) => $"Break from {from} to {to} on {goal}: the road waits.",
        Importing = file => $"Importing {file}",
        Made = (count, kind) => $"{count} " + (kind, count == 1) switch
        {
            ("goals", true) => "goal", ("goals", _) => "goals", ("habits", true) => "habit", ("habits", _) => "habits",
            ("checks", true) => "habit day done", ("checks", _) => "habit days done", ("skips", true) => "habit day excused", ("skips", _) => "habit days excused",
            ("entries", true) => "entry", ("entries", _) => "entries", ("milestones", true) => "milestone", ("milestones", _) => "milestones",
            ("workSessions", true) => "work session", ("workSessions", _) => "work sessions", ("attempts", true) => "attempt", ("attempts", _) => "attempts",
            ("skills", true) => "skill", ("skills", _) => "skills", ("breaks", true) => "break", _ => "breaks",
        },
        Imported = made => $"Imported {made}.",
        WouldImport = made => $"Dry run: it would bring in {made}. Nothing changed; run it again without --dry-run to import.",
        ImportSkipped = (duplicates, ignored) => $"{duplicates} already here from an earlier import; {ignored} left out on purpose.",
        NothingNew = "nothing new",
        ImportFailed = "The import failed and nothing was imported:",
        Exported = path => $"Everything you own is in {path}.",
        CalendarMade = webcal => $"Subscribe to it in your calendar app (on a phone: {webcal}). Keep it to yourself: it shows your goals to whoever has it; 'receta calendar --rotate' replaces it.",
        CalendarExists = since => $"Your calendar feed exists since {since}; its address was shown once, when it was made. 'receta calendar --rotate' makes a new one (the old one stops).",
        CalendarRevoked = "The calendar feed is ended: its address no longer works.",
        ReminderSet = (habit, time, days) => $"'{habit}' will be reminded of by email at {time}, {days}, unless the day is done, skipped or in a break.",
        ReminderRemoved = (habit, time) => $"No more reminders of '{habit}' at {time}.",
        NoReminderAt = (habit, time) => $"'{habit}' has no reminder at {time}.",
        NoReminders = habit => $"'{habit}' has no reminders; 'receta remind \"{habit}\" 07:30' sets one.",
        EveryDay = "every day",
        NotATime = "The time must be HH:mm, e.g. 07:30.",
        NotAWeekday = day => $"'{day}' is not a day: use mon, tue, wed, thu, fri, sat or sun, separated by commas.",
        NoWebhooks = "No webhooks. 'receta webhooks add URL --events entry.created,habit.checked' makes one.",
        ColumnUrl = "URL",
        ColumnEvents = "EVENTS",
        ColumnState = "STATE",
        WebhookOn = "on",
        WebhookDisabled = date => $"off since {date} (3 days of failures)",
        WebhookAdded = id => $"Webhook {id} made. Above is its signing secret, shown only this once: give it to the receiver to check each delivery's webhook-signature.",
        WebhookRemoved = "The webhook is removed: nothing more is sent to it.",
        ColumnId = "ID",
        ColumnTitle = "TITLE",
        ColumnRole = "ROLE",
        ColumnDue = "DUE",
        ColumnRemaining = "LEFT",
        ColumnStart = "START",
        ColumnFinish = "FINISH",
        ColumnLate = "LATE",
        ColumnHabits = "HABITS TODAY",
        Days = "d",
        Hours = "h",
        Yes = "late",
        Todo = "to do",
        DoneStatus = "done",
        NoGoals = "No goals yet.",
        NoMilestones = "No milestones yet.",
        Progress = "Progress",
        Roadmap = "Roadmap",
        ProjectedFinish = "projected finish",
        HabitsToday = "Habits today",
        Logged = (value, goal, date) => $"Logged {value} on {goal} for {date}.",
        GoalStatusWord = status => status,
        RoleWord = role => role,
        Score = "score",
        NextMilestone = "Next milestone",
        Due = "due",
        Buffer = "buffer",
        Worked = (duration, goal) => $"Logged {duration} of work on {goal}.",
        Checked = (habit, date) => $"Checked {habit} on {date}.",
        AlreadyChecked = (habit, date) => $"{habit} was already checked on {date}.",
        Skipped = (habit, date) => $"Skipped {habit} on {date}.",
        AlreadySkipped = (habit, date) => $"{habit} was already skipped on {date}.",
        AttemptRecorded = (number, title) => $"Attempt #{number} recorded: {title}.",
        Queued = waiting => $"The server could not be reached: queued ({waiting} waiting). The next command or 'receta sync' sends it.",
        SentQueued = sent => sent == 1 ? "Sent 1 queued request." : $"Sent {sent} queued requests.",
        SyncSummary = (sent, refused, waiting) => $"Sent {sent}, refused {refused}, still waiting {waiting}.",
        NothingToSync = "Nothing to send.",
        QueuedForOtherServers = count => $"{count} queued for another server: sent when receta points at it again.",
        SignedIn = (who, server) => $"Signed in as {who} on {server}.",
        SignedOut = "Signed out: the token is revoked and forgotten.",
        NotSignedIn = "Not signed in: run 'receta login' (or set RECETA_SERVER and RECETA_TOKEN).",
        Unreachable = server => $"The server could not be reached: {server}",
        AskEmail = "Email: ",
        AskPassword = "Password: ",
        AskCode = "Two-factor code (or a recovery code): ",
        NoMatch = what => $"Nothing matches '{what}'.",
        Ambiguous = (what, count) => $"'{what}' matches {count}; say which (an id, or more of the title):",
    };

    public static readonly Texts Spanish = new()
    {
        Code = "es",
        DecimalSeparator = ",",
        Ahead = "adelantado",
        OnTrack = "en camino",
        Behind = "atrasado",
        OffTrack = "desviado",
        Achieved = "logrado",
        Open = "abierto",
        ColumnStatus = "ESTADO",
        ColumnGoal = "META",
        ColumnDone = "HECHO",
        ColumnBuffer = "MARGEN",
        ColumnNext = "PRÓXIMO HITO",
        ColumnForecast = "P50–P90",
        ColumnScore = "RECETA",
        ColumnOnTime = "A TIEMPO",
        OnTime = "a tiempo",
        AtCapacity = (hours, date) => $"Con tus {hours} h semanales previstas llegas el {date}.",
        BreakTaken = (goal, from, to) => $"Pausa del {from} al {to} en {goal}: el camino te espera.",
        Importing = file => $"Importando {file}",
        Made = (count, kind) => $"{count} " + (kind, count == 1) switch
        {
            ("goals", true) => "meta", ("goals", _) => "metas", ("habits", true) => "hábito", ("habits", _) => "hábitos",
            ("checks", true) => "día de hábito cumplido", ("checks", _) => "días de hábito cumplidos", ("skips", true) => "día de hábito excusado", ("skips", _) => "días de hábito excusados",
            ("entries", true) => "registro", ("entries", _) => "registros", ("milestones", true) => "hito", ("milestones", _) => "hitos",
            ("workSessions", true) => "sesión de trabajo", ("workSessions", _) => "sesiones de trabajo", ("attempts", true) => "intento", ("attempts", _) => "intentos",
            ("skills", true) => "habilidad", ("skills", _) => "habilidades", ("breaks", true) => "pausa", _ => "pausas",
        },
        Imported = made => $"Importado: {made}.",
        WouldImport = made => $"Prueba: entraría {made}. No cambió nada; vuelve a ejecutarlo sin --dry-run para importar.",
        ImportSkipped = (duplicates, ignored) => $"{duplicates} ya estaban de una importación anterior; {ignored} dejados fuera a propósito.",
        NothingNew = "nada nuevo",
        ImportFailed = "La importación falló y no se importó nada:",
        Exported = path => $"Todo lo tuyo está en {path}.",
        CalendarMade = webcal => $"Suscríbete a ella en tu app de calendario (en el teléfono: {webcal}). Guárdala para ti: muestra tus metas a quien la tenga; 'receta calendar --rotate' la cambia.",
        CalendarExists = since => $"Tu calendario existe desde el {since}; su dirección se mostró una vez, al crearlo. 'receta calendar --rotate' crea una nueva (la anterior deja de funcionar).",
        CalendarRevoked = "El calendario terminó: su dirección ya no funciona.",
        ReminderSet = (habit, time, days) => $"Recibirás un correo para '{habit}' a las {time}, {days}, salvo que el día esté hecho, omitido o en pausa.",
        ReminderRemoved = (habit, time) => $"Ya no habrá recordatorios de '{habit}' a las {time}.",
        NoReminderAt = (habit, time) => $"'{habit}' no tiene recordatorio a las {time}.",
        NoReminders = habit => $"'{habit}' no tiene recordatorios; 'receta remind \"{habit}\" 07:30' pone uno.",
        EveryDay = "todos los días",
        NotATime = "La hora debe ser HH:mm, p. ej. 07:30.",
        NotAWeekday = day => $"'{day}' no es un día: usa mon, tue, wed, thu, fri, sat o sun, separados por comas.",
        NoWebhooks = "No hay webhooks. 'receta webhooks add URL --events entry.created,habit.checked' crea uno.",
        ColumnUrl = "URL",
        ColumnEvents = "EVENTOS",
        ColumnState = "ESTADO",
        WebhookOn = "activo",
        WebhookDisabled = date => $"desactivado desde el {date} (3 días de fallos)",
        WebhookAdded = id => $"Webhook {id} creado. Arriba está su secreto de firma, que solo se muestra esta vez: dáselo al receptor para comprobar la webhook-signature de cada entrega.",
        WebhookRemoved = "El webhook se quitó: ya no se le envía nada.",
        ColumnId = "ID",
        ColumnTitle = "TÍTULO",
        ColumnRole = "ROL",
        ColumnDue = "FECHA",
        ColumnRemaining = "FALTA",
        ColumnStart = "INICIO",
        ColumnFinish = "FIN",
        ColumnLate = "TARDE",
        ColumnHabits = "HÁBITOS DE HOY",
        Days = "d",
        Hours = "h",
        Yes = "tarde",
        Todo = "pendiente",
        DoneStatus = "hecho",
        NoGoals = "Aún no hay metas.",
        NoMilestones = "Aún no hay hitos.",
        Progress = "Progreso",
        Roadmap = "Hoja de ruta",
        ProjectedFinish = "fin previsto",
        HabitsToday = "Hábitos de hoy",
        Logged = (value, goal, date) => $"Registrado {value} en {goal} el {date}.",
        GoalStatusWord = status => status switch
        {
            "active" => "activa",
            "paused" => "en pausa",
            "achieved" => "lograda",
            "abandoned" => "abandonada",
            _ => status,
        },
        RoleWord = role => role switch
        {
            "owner" => "dueño",
            "partner" => "compañero",
            "mentor" => "mentor",
            "cheerleader" => "animador",
            "viewer" => "observador",
            _ => role,
        },
        Score = "receta",
        NextMilestone = "Próximo hito",
        Due = "vence",
        Buffer = "margen",
        Worked = (duration, goal) => $"Registrado {duration} de trabajo en {goal}.",
        Checked = (habit, date) => $"Marcado {habit} el {date}.",
        AlreadyChecked = (habit, date) => $"{habit} ya estaba marcado el {date}.",
        Skipped = (habit, date) => $"Saltado {habit} el {date}.",
        AlreadySkipped = (habit, date) => $"{habit} ya estaba saltado el {date}.",
        AttemptRecorded = (number, title) => $"Intento n.º {number} registrado: {title}.",
        Queued = waiting => $"No se pudo contactar al servidor: en cola ({waiting} en espera). Lo envía el próximo comando o 'receta sync'.",
        SentQueued = sent => sent == 1 ? "Enviada 1 petición en cola." : $"Enviadas {sent} peticiones en cola.",
        SyncSummary = (sent, refused, waiting) => $"Enviadas {sent}, rechazadas {refused}, aún en espera {waiting}.",
        NothingToSync = "Nada que enviar.",
        QueuedForOtherServers = count => $"{count} en cola para otro servidor: se envían cuando receta vuelva a apuntar a él.",
        SignedIn = (who, server) => $"Sesión iniciada como {who} en {server}.",
        SignedOut = "Sesión cerrada: el token está revocado y olvidado.",
        NotSignedIn = "No hay sesión: ejecuta 'receta login' (o define RECETA_SERVER y RECETA_TOKEN).",
        Unreachable = server => $"No se pudo contactar al servidor: {server}",
        AskEmail = "Correo: ",
        AskPassword = "Contraseña: ",
        AskCode = "Código de dos factores (o un código de recuperación): ",
        NoMatch = what => $"Nada coincide con '{what}'.",
        Ambiguous = (what, count) => $"'{what}' coincide con {count}; di cuál (un id, o más del título):",
    };

    /// <summary>
    /// The language: <paramref name="requested"/> (<c>--lang</c>), else the account's, else the
    /// environment's (LC_ALL, LC_MESSAGES, LANG); English when none is Spanish.
    /// </summary>
    public static Texts Choose(string? requested, string? account, CliEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var language = requested ?? account
            ?? environment.Variable("LC_ALL") ?? environment.Variable("LC_MESSAGES") ?? environment.Variable("LANG");
        return language is not null && language.StartsWith("es", StringComparison.OrdinalIgnoreCase) ? Spanish : English;
    }

    /// <summary>A number as people of this language write it: 42.5 or 42,5.</summary>
    public string Number(double value, string format = "0.#")
    {
        var text = value.ToString(format, CultureInfo.InvariantCulture);
        return DecimalSeparator == "." ? text : text.Replace(".", DecimalSeparator, StringComparison.Ordinal);
    }
}
