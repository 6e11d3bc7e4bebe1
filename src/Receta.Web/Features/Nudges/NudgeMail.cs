using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.Extensions.Localization;
using Receta.Core.Progress;
using Receta.Core.Scorecard;
using Receta.Web.Components;
using Receta.Web.Features.Goals;
using Receta.Web.Features.Work;
using Receta.Web.Infrastructure;
using Receta.Web.Infrastructure.Email;

namespace Receta.Web.Features.Nudges;

/// <summary>The recipient of a nudge: their address, language and zone.</summary>
public sealed record NudgeRecipient(Guid UserId, string Email, string? Language, TimeZoneInfo Zone)
{
    public CultureInfo Culture => Localization.OfAccount(Language);
}

/// <summary>
/// Writes nudge emails in the recipient's language, as plain text and as HTML (every piece of the
/// user's own text encoded), each with its one-click unsubscribe address.
/// </summary>
public sealed class NudgeMail(
    IStringLocalizer<NudgeMail> texts, IStringLocalizer<ScorecardSection> scorecard, IStringLocalizer<StatusBadge> statuses, NudgeLinks links)
{
    /// <summary>Cheers and suggestions from the circle on one goal, since the owner last heard.</summary>
    public EmailMessage CircleNews(NudgeRecipient to, Guid goalId, string goal, IReadOnlyList<CircleNewsItem> news)
    {
        ArgumentNullException.ThrowIfNull(to);
        ArgumentNullException.ThrowIfNull(news);
        return Localization.InCulture(to.Culture, () =>
        {
            var unsubscribe = links.Unsubscribe(new UnsubscribeLink(to.UserId, NudgeKind.CircleNews));
            var page = links.Goal(goalId);
            var lines = news.Select(n => texts[n.Suggestion ? "NewsSuggested" : "NewsCheered", n.Author, n.Text].Value).ToList();
            var text = new StringBuilder().AppendLine(texts["NewsIntro", goal]).AppendLine();
            lines.ForEach(line => text.AppendLine("- " + line));
            text.AppendLine().AppendLine(texts["RiskSee"]).AppendLine(page.AbsoluteUri).AppendLine()
                .AppendLine("-- ").AppendLine(texts["NewsWhy"]).AppendLine(texts["UnsubscribeNews"]).AppendLine(unsubscribe.AbsoluteUri);
            var html = Html(
                $"<p>{E(texts["NewsIntro", goal])}</p><ul>{string.Concat(lines.Select(l => $"<li>{E(l)}</li>"))}</ul>{Button(page, texts["RiskButton"])}",
                texts["NewsWhy"], unsubscribe);
            return new EmailMessage(to.Email, texts["NewsSubject", goal], text.ToString()) { HtmlBody = html, UnsubscribeUrl = unsubscribe };
        });
    }

    /// <summary>The weekly digest: the owner's of their goals, or a circle member's of the goals shared with them.</summary>
    public EmailMessage Digest(NudgeRecipient to, bool circle, IReadOnlyList<DigestGoal> goals)
    {
        ArgumentNullException.ThrowIfNull(to);
        ArgumentNullException.ThrowIfNull(goals);
        return Localization.InCulture(to.Culture, () =>
        {
            var unsubscribe = links.Unsubscribe(new UnsubscribeLink(to.UserId, circle ? NudgeKind.CircleDigest : NudgeKind.Digest));
            var text = new StringBuilder().AppendLine(texts[circle ? "CircleDigestIntro" : "DigestIntro"]).AppendLine();
            var html = new StringBuilder($"<p>{E(texts[circle ? "CircleDigestIntro" : "DigestIntro"])}</p>");
            foreach (var goal in goals)
            {
                var lines = DigestLines(goal, to.Culture).ToList();
                text.AppendLine(goal.Title);
                lines.ForEach(line => text.Append("  ").AppendLine(line));
                text.AppendLine("  " + links.Goal(goal.GoalId).AbsoluteUri).AppendLine();
                html.Append($"<h3 style=\"margin-bottom:0.25rem\"><a href=\"{E(links.Goal(goal.GoalId).AbsoluteUri)}\">{E(goal.Title)}</a></h3><ul style=\"margin-top:0\">");
                lines.ForEach(line => html.Append($"<li>{E(line)}</li>"));
                html.Append("</ul>");
            }
            var why = texts[circle ? "CircleDigestWhy" : "DigestWhy"];
            text.AppendLine("-- ").AppendLine(why).AppendLine(texts["UnsubscribeDigest"]).AppendLine(unsubscribe.AbsoluteUri);
            return new EmailMessage(to.Email, texts[circle ? "CircleDigestSubject" : "DigestSubject"], text.ToString())
            {
                HtmlBody = Html(html.ToString(), why, unsubscribe),
                UnsubscribeUrl = unsubscribe,
            };
        });
    }

    private IEnumerable<string> DigestLines(DigestGoal goal, CultureInfo culture)
    {
        string Percent(double value) => (value / 100).ToString("P0", culture);
        string Day(DateOnly? day) => day?.ToString("d", culture) ?? "?";
        yield return texts["DigestProgress", Percent(goal.PercentBefore), Percent(goal.PercentNow), statuses[goal.Status.ToString()]];
        if (goal.ForecastNow is { P50: not null } now)
        {
            yield return goal.ForecastBefore is { P50: not null } before
                ? texts["DigestForecastMoved", Day(now.P50), Day(now.P90), Day(before.P50), Day(before.P90)]
                : texts["DigestForecast", Day(now.P50), Day(now.P90)];
        }
        yield return goal.Missing.Count == 0
            ? texts["DigestScoreFull", goal.Score]
            : texts["DigestScore", goal.Score, string.Join(", ", goal.Missing.Select(i => scorecard[$"Ingredient.{i}"].Value))];
        if (goal.Cheers is { Count: > 0 } cheers)
        {
            yield return texts["DigestCheers", cheers.Count, string.Join(" · ", cheers.Take(3).Select(c => $"“{(c.Length > 80 ? c[..80] + "…" : c)}”"))];
        }
    }

    /// <summary>A goal that has newly slipped: how it stands, its odds, and the scorecard's hint for its first missing ingredient.</summary>
    public EmailMessage RiskAlert(NudgeRecipient to, Guid goalId, string goal, ProgressStatus status, double? odds, DateOnly target, Ingredient? missing)
    {
        ArgumentNullException.ThrowIfNull(to);
        return Localization.InCulture(to.Culture, () =>
        {
            var unsubscribe = links.Unsubscribe(new UnsubscribeLink(to.UserId, NudgeKind.RiskAlerts));
            var page = links.Goal(goalId);
            var standing = texts[$"RiskStatus_{(status is ProgressStatus.OffTrack ? "OffTrack" : status is ProgressStatus.Behind ? "Behind" : "Unlikely")}", goal].Value;
            var chance = odds is { } p ? texts["RiskOdds", target.ToString("D", to.Culture), p.ToString("P0", to.Culture)].Value : null;
            var help = missing is { } ingredient ? scorecard[$"Hint.{ingredient}"].Value : texts["RiskNoHint"].Value;
            var text = new StringBuilder().AppendLine(standing);
            if (chance is not null)
            {
                text.AppendLine(chance);
            }
            text.AppendLine().AppendLine(texts["RiskHelp"]).AppendLine(help).AppendLine()
                .AppendLine(texts["RiskSee"]).AppendLine(page.AbsoluteUri).AppendLine()
                .AppendLine("-- ").AppendLine(texts["RiskWhy"]).AppendLine(texts["UnsubscribeRiskAlerts"]).AppendLine(unsubscribe.AbsoluteUri);
            var html = Html(
                $"<p>{E(standing)}</p>{(chance is null ? "" : $"<p>{E(chance)}</p>")}<p><strong>{E(texts["RiskHelp"])}</strong> {E(help)}</p>{Button(page, texts["RiskButton"])}",
                texts["RiskWhy"], unsubscribe);
            return new EmailMessage(to.Email, texts["RiskSubject", goal], text.ToString()) { HtmlBody = html, UnsubscribeUrl = unsubscribe };
        });
    }

    public EmailMessage Reminder(NudgeRecipient to, string habit, string goal, TimeOnly time, DoneLink done)
    {
        ArgumentNullException.ThrowIfNull(to);
        ArgumentNullException.ThrowIfNull(done);
        return Localization.InCulture(to.Culture, () =>
        {
            var day = done.Date.ToString("D", to.Culture);
            var doneUrl = links.Done(done);
            var unsubscribe = links.Unsubscribe(new UnsubscribeLink(to.UserId, NudgeKind.Reminders));
            var intro = texts["ReminderIntro", HabitReminderRules.Format(time), habit, goal].Value;
            var text = new StringBuilder()
                .AppendLine(intro).AppendLine()
                .AppendLine(texts["ReminderDone", day]).AppendLine(doneUrl.AbsoluteUri).AppendLine()
                .AppendLine("-- ").AppendLine(texts["ReminderWhy"]).AppendLine(texts["UnsubscribeReminders"]).AppendLine(unsubscribe.AbsoluteUri)
                .ToString();
            var html = Html(
                $"<p>{E(intro)}</p><p>{E(texts["ReminderDone", day])}</p>{Button(doneUrl, texts["ReminderButton"])}",
                texts["ReminderWhy"], unsubscribe);
            return new EmailMessage(to.Email, texts["ReminderSubject", habit], text) { HtmlBody = html, UnsubscribeUrl = unsubscribe };
        });
    }

    private string Html(string body, string why, Uri unsubscribe) =>
        "<!DOCTYPE html><html><body style=\"font-family:system-ui,sans-serif;line-height:1.5;color:#1f2933;max-width:36rem\">"
        + body
        + $"<hr style=\"border:none;border-top:1px solid #d9dde3\"><p style=\"font-size:0.875rem;color:#52606d\">{E(why)} "
        + $"<a href=\"{E(unsubscribe.AbsoluteUri)}\">{E(texts["Unsubscribe"])}</a></p>"
        + $"<p style=\"font-size:0.875rem;color:#52606d\">{E(texts["Signature"])}</p></body></html>";

    private static string Button(Uri url, string label) =>
        $"<p><a href=\"{E(url.AbsoluteUri)}\" style=\"display:inline-block;padding:0.6rem 1.2rem;background:#1d4ed8;color:#ffffff;border-radius:0.4rem;text-decoration:none;font-weight:600\">{E(label)}</a></p>";

    private static string E(string text) => HtmlEncoder.Default.Encode(text);
}
