using Kith.Core.Connections;
using Kith.Core.People.Instruments;
using Kith.Web.People;
using Microsoft.AspNetCore.Mvc;

namespace Kith.Web.Pages.People.Connections;

/// <summary>
/// One connection: where it stands, every move (who, when, note), what the person said about it, the ONS4 check-in
/// it is waiting for, and one form to record the next step. The form posts the version shown: a double click moves
/// once (the second post is told it was already recorded), and a change by someone else since the page was opened is
/// shown again rather than overwritten. An introduction's first move is made on the introduction page, which asks for
/// consent, so it is not offered here.
/// </summary>
public sealed class DetailsModel(ConnectionService connections, ConnectionFeedbackService feedback, CheckInService checkIns) : PersonPageModel
{
    protected override string RecordPart => ConnectionService.AuditPart;

    [FromRoute]
    public Guid ConnectionId { get; set; }

    /// <summary>The step to record.</summary>
    [BindProperty]
    public ConnectionStatus? Move { get; set; }

    [BindProperty]
    public string? Note { get; set; }

    /// <summary>The connection's version when the page was shown.</summary>
    [BindProperty]
    public int Version { get; set; }

    [TempData]
    public string? Notice { get; set; }

    public ConnectionView Current { get; private set; } = null!;

    /// <summary>The steps the form offers, in the lifecycle's order.</summary>
    public IReadOnlyList<ConnectionStatus> Moves { get; private set; } = [];

    public WellbeingPrompt? Prompt { get; private set; }

    public IReadOnlyList<ConnectionFeedbackView> Feedback { get; private set; } = [];

    /// <summary>Whether the page shows the link to the introduction page (an introduction not yet made).</summary>
    public bool OffersIntroduction => Current.Kind == ConnectionKind.Introduction && Current.Status == ConnectionStatus.Draft;

    /// <summary>Whether the page shows the link to record a follow-up (started and not finished).</summary>
    public bool OffersFollowUp => Current.Status != ConnectionStatus.Draft && Connection.MovesFrom(Current.Status).Count > 0;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        Version = Current.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        if (Move is not { } to)
        {
            ModelState.AddModelError(nameof(Move), "Choose what happened");
            return Invalid(StatusCodes.Status400BadRequest);
        }

        if (Current.Kind == ConnectionKind.Introduction && to == ConnectionStatus.Requested && Current.Status == ConnectionStatus.Draft)
        {
            ModelState.AddModelError(nameof(Move), "Introduce them from the introduction page, which asks for their consent first");
            return Invalid(StatusCodes.Status400BadRequest);
        }

        MoveResult result;
        try
        {
            result = await connections.MoveAsync(PersonId, ConnectionId, to, Version, Note, Actor, cancellationToken);
        }
        catch (ConnectionTransitionException e)
        {
            var aboutNote = (Connection.NeedsReason(to) && string.IsNullOrWhiteSpace(Note)) || (Note?.Trim().Length ?? 0) > Connection.NoteLimit;
            ModelState.AddModelError(aboutNote ? nameof(Note) : nameof(Move), e.Message);
            return Invalid(StatusCodes.Status400BadRequest);
        }
        catch (KeyNotFoundException)
        {
            return NotFound();
        }

        switch (result.Outcome)
        {
            case MoveOutcome.Moved:
                Notice = $"Recorded: {Connection.Describe(result.Status)}.";
                return Redirect($"/people/{PersonId}/connections/{ConnectionId}");
            case MoveOutcome.AlreadyDone:
                Notice = $"This was already recorded as {Connection.Describe(result.Status)}, so nothing changed.";
                return Redirect($"/people/{PersonId}/connections/{ConnectionId}");
            default:
                await LoadAsync(cancellationToken);
                ModelState.Clear();
                ModelState.AddModelError(nameof(Move), $"This connection changed since you opened it: it is now {Connection.Describe(result.Status)}. Check it below and choose again");
                Version = Current.Version;
                Move = null;
                return Invalid(StatusCodes.Status409Conflict);
        }
    }

    /// <summary>The label of a step on the form.</summary>
    public static string MoveLabel(ConnectionKind kind, ConnectionStatus to) => to switch
    {
        ConnectionStatus.Requested => kind == ConnectionKind.SignpostOnly ? "Passed on to them" : "Introduced to the group",
        ConnectionStatus.Accepted => kind == ConnectionKind.SignpostOnly ? "They said they will go" : "The group accepted",
        ConnectionStatus.Rejected => "Declined",
        ConnectionStatus.InProgress => "They went for the first time",
        ConnectionStatus.Completed => "Finished well",
        ConnectionStatus.Cancelled => "Stopped",
        _ => "Did not work out",
    };

    /// <summary>The hint under a step on the form.</summary>
    public static string MoveHint(ConnectionKind kind, ConnectionStatus to) => to switch
    {
        ConnectionStatus.Requested => "You gave them the details and they will go on their own",
        ConnectionStatus.Accepted => kind == ConnectionKind.SignpostOnly ? "They told you they mean to go" : "The group said yes",
        ConnectionStatus.Rejected => "The person or the group said no. Say why",
        ConnectionStatus.InProgress => "First attended",
        ConnectionStatus.Completed => "It did what they hoped. Say how",
        ConnectionStatus.Cancelled => "They or you stopped it. Say why",
        _ => "It did not work for them. Say why",
    };

    private IActionResult Invalid(int status)
    {
        var page = Page();
        page.StatusCode = status;
        return page;
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        var all = await connections.ListForPersonAsync(PersonId, Actor, ReadAudit.AlreadyWritten, cancellationToken);
        var connection = all.SingleOrDefault(c => c.Id == ConnectionId);
        if (connection is null)
        {
            return false;
        }

        Current = connection;
        Moves = Connection.MovesFrom(connection.Status)
            .Where(m => !(connection.Kind == ConnectionKind.Introduction && m == ConnectionStatus.Requested))
            .ToList();
        Feedback = await feedback.ForPersonAsync(PersonId, ConnectionId, cancellationToken);
        Prompt = WellbeingPrompt.For(connection, await checkIns.HistoryAsync(PersonId, WellbeingPrompt.InstrumentKey, cancellationToken));
        return true;
    }
}
