using Kith.Core.People;

namespace Kith.Core.Connections;

/// <summary>
/// Which ONS4 wellbeing check-in a connection is waiting for: one at the start, one once the person is going
/// (follow-up) and one at the end (issue 5, part 4). Pure: give it the connection and the person's check-ins and it
/// says what is due, or null when nothing is.
/// </summary>
/// <remarks>
/// <para>The rules, by where the connection stands:</para>
/// <list type="bullet">
/// <item>draft, introduced or accepted: <see cref="CheckInStage.Start"/> is due when no ONS4 was taken on or after
/// the day the connection was made;</item>
/// <item>attending (in progress): <see cref="CheckInStage.FollowUp"/> is due when none was taken on or after the day
/// the person first attended;</item>
/// <item>completed, cancelled or did not work out: <see cref="CheckInStage.End"/> is due when none was taken on or
/// after the day it finished;</item>
/// <item>declined: nothing is due (the person never went, so there is no before and after to compare).</item>
/// </list>
/// <para>Days are UK days (Europe/London): a check-in's <see cref="CheckIn.TakenOn"/> is a UK date, so each moment of
/// the connection (UTC) is turned into its UK date before comparing. A check-in on the same day counts.</para>
/// <para>Use from a page: load the person's check-ins (<c>CheckInService.HistoryAsync(personId, WellbeingPrompt.InstrumentKey)</c>)
/// and the connection (<c>ConnectionService.GetAsync</c>), then call <see cref="For(ConnectionView, IEnumerable{CheckIn})"/>.</para>
/// </remarks>
/// <param name="Stage">The check-in due: start, follow-up or end.</param>
/// <param name="Since">The UK date from which a check-in would count (the day the connection was made, first attended or finished).</param>
public sealed record WellbeingPrompt(CheckInStage Stage, DateOnly Since)
{
    /// <summary>The instrument the prompts are for (ONS4, the four ONS personal wellbeing questions).</summary>
    public const string InstrumentKey = "ons4";

    private static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    /// <summary>"At the start", "Along the way", "At the end": the moment in words, for a sentence's start.</summary>
    public string When => Stage switch
    {
        CheckInStage.Start => "At the start",
        CheckInStage.FollowUp => "Along the way",
        _ => "At the end",
    };

    /// <summary>The check-in due for <paramref name="connection"/>, or null.</summary>
    /// <param name="checkIns">The person's check-ins, any instrument and order; only <see cref="InstrumentKey"/> ones count.</param>
    public static WellbeingPrompt? For(ConnectionView connection, IEnumerable<CheckIn> checkIns)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(checkIns);
        var started = connection.Transitions.LastOrDefault(t => t.To == ConnectionStatus.InProgress)?.At;
        var finished = connection.Transitions.LastOrDefault(t => t.To == connection.Status)?.At ?? connection.LastModified;
        var taken = checkIns.Where(c => string.Equals(c.InstrumentKey, InstrumentKey, StringComparison.Ordinal)).Select(c => c.TakenOn);
        return For(connection.Status, connection.CreatedAt, started, finished, taken);
    }

    /// <summary>The check-in due, from the connection's moments, or null.</summary>
    /// <param name="status">Where the connection stands.</param>
    /// <param name="madeAt">UTC instant the connection was made.</param>
    /// <param name="startedAt">UTC instant the person first attended (the move to in progress); needed when attending.</param>
    /// <param name="finishedAt">UTC instant of the final move; needed when finished.</param>
    /// <param name="ons4TakenOn">The UK dates of the person's ONS4 check-ins.</param>
    public static WellbeingPrompt? For(ConnectionStatus status, DateTime madeAt, DateTime? startedAt, DateTime? finishedAt, IEnumerable<DateOnly> ons4TakenOn)
    {
        ArgumentNullException.ThrowIfNull(ons4TakenOn);
        var (stage, from) = status switch
        {
            ConnectionStatus.Draft or ConnectionStatus.Requested or ConnectionStatus.Accepted => (CheckInStage.Start, (DateTime?)madeAt),
            ConnectionStatus.InProgress => (CheckInStage.FollowUp, startedAt ?? madeAt),
            ConnectionStatus.Completed or ConnectionStatus.Cancelled or ConnectionStatus.Failed => (CheckInStage.End, finishedAt ?? madeAt),
            _ => (CheckInStage.Other, null),
        };
        if (from is not { } instant)
        {
            return null;
        }

        var since = UkDate(instant);
        return ons4TakenOn.Any(d => d >= since) ? null : new WellbeingPrompt(stage, since);
    }

    /// <summary>The UK (Europe/London) date of a UTC instant.</summary>
    public static DateOnly UkDate(DateTime utc) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), London));
}
