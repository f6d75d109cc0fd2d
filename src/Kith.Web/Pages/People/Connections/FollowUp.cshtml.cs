using Kith.Core.Connections;
using Kith.Core.Connections.FollowUps;
using Kith.Core.Data;
using Kith.Web.People;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Kith.Web.Pages.People.Connections;

/// <summary>
/// Records a follow-up of one connection (how it went, a note) and, where the lifecycle allows, a move of the
/// connection at the same time (for example "first attended"), then offers a wellbeing check-in. The move and the
/// follow-up are saved together or not at all; a double post records once (docs/adr/0022-follow-ups-without-nagging.md).
/// </summary>
public sealed class FollowUpModel(FollowUpService followUps, ConnectionService connections, KithDbContext db) : PersonPageModel
{
    /// <summary>The <see cref="Move"/> value for leaving the connection where it is.</summary>
    public const string NoMove = "none";

    protected override string RecordPart => ConnectionService.AuditPart;

    [FromRoute]
    public Guid ConnectionId { get; set; }

    [BindProperty]
    public FollowUpOutcome? Outcome { get; set; }

    [BindProperty]
    public string? Note { get; set; }

    [BindProperty]
    public string Move { get; set; } = NoMove;

    [BindProperty]
    public string? MoveReason { get; set; }

    /// <summary>The connection's version when the form was shown.</summary>
    [BindProperty]
    public int Version { get; set; }

    /// <summary>The follow-up this form records: the one due, or a new id made when the form was shown.</summary>
    [BindProperty]
    public Guid FollowUpId { get; set; }

    /// <summary>Set after a save, to show the confirmation and the check-in prompt.</summary>
    [FromQuery(Name = "recorded")]
    public bool Recorded { get; set; }

    public FollowUpState State { get; private set; } = null!;

    /// <summary>The moves the connection can make from where it stands now.</summary>
    public IReadOnlyList<ConnectionStatus> Moves => Connection.MovesFrom(State.Status);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        Version = State.Version;
        FollowUpId = State.OpenFollowUpId ?? Guid.NewGuid();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        ConnectionStatus? to = null;
        if (Outcome is null || !Enum.IsDefined(Outcome.Value))
        {
            ModelState.AddModelError(nameof(Outcome), "Select how the follow-up went");
        }

        if (Note?.Trim() is { Length: > ConnectionFollowUp.NoteLimit } note)
        {
            ModelState.AddModelError(nameof(Note), $"The note must be {ConnectionFollowUp.NoteLimit} characters or fewer; it has {note.Length}");
        }

        if (Move != NoMove)
        {
            if (Enum.TryParse<ConnectionStatus>(Move, out var wanted) && Enum.IsDefined(wanted) && (Moves.Contains(wanted) || wanted == State.Status))
            {
                to = wanted;
            }
            else
            {
                ModelState.AddModelError(nameof(Move), "Select a change from the list, or no change");
            }
        }

        if (to is { } target && Connection.NeedsReason(target) && string.IsNullOrWhiteSpace(MoveReason) && target != State.Status)
        {
            ModelState.AddModelError(nameof(MoveReason), $"Give a reason for marking the connection as {Connection.Describe(target)}");
        }

        if (MoveReason?.Trim() is { Length: > Connection.NoteLimit } reason)
        {
            ModelState.AddModelError(nameof(MoveReason), $"The reason must be {Connection.NoteLimit} characters or fewer; it has {reason.Length}");
        }

        if (!ModelState.IsValid)
        {
            return Invalid(StatusCodes.Status400BadRequest);
        }

        // A second post of the same form (a double click) finds its follow-up recorded and changes nothing.
        if (await db.ConnectionFollowUps.AnyAsync(f => f.Id == FollowUpId && f.ConnectionId == ConnectionId && f.DoneAt != null, cancellationToken))
        {
            return Redirect($"/people/{PersonId}/connections/{ConnectionId}/follow-up?recorded=true");
        }

        // The move and the follow-up are saved together, or neither is.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (to is { } move)
        {
            MoveResult moved;
            try
            {
                moved = await connections.MoveAsync(PersonId, ConnectionId, move, Version, Connection.NeedsReason(move) ? MoveReason : Note, Actor, cancellationToken);
            }
            catch (ConnectionTransitionException e)
            {
                ModelState.AddModelError(nameof(Move), e.Message);
                return Invalid(StatusCodes.Status400BadRequest);
            }

            if (moved.Outcome == MoveOutcome.Conflict)
            {
                await LoadAsync(cancellationToken);
                ModelState.AddModelError(
                    nameof(Move),
                    $"Someone changed this connection while you had the page open: it is now {Connection.Describe(moved.Status)}. Nothing was saved. Check the change, then save the follow-up again");
                Version = State.Version;
                return Invalid(StatusCodes.Status409Conflict);
            }
        }

        await followUps.RecordAsync(new RecordFollowUpOptions(PersonId, ConnectionId, FollowUpId, Outcome!.Value, Note), Actor, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return Redirect($"/people/{PersonId}/connections/{ConnectionId}/follow-up?recorded=true");
    }

    /// <summary>How a move reads as a choice on this page.</summary>
    public static string MoveLabel(ConnectionStatus to) => to switch
    {
        ConnectionStatus.Requested => "Introduced to the group, or passed on to the person",
        ConnectionStatus.Accepted => "The group said yes, or the person said they will go",
        ConnectionStatus.Rejected => "Declined",
        ConnectionStatus.InProgress => "They have been for the first time",
        ConnectionStatus.Completed => "Finished well",
        ConnectionStatus.Cancelled => "Stopped by them or by you",
        _ => "Did not work out",
    };

    private IActionResult Invalid(int status)
    {
        var page = Page();
        page.StatusCode = status;
        return page;
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        var state = await followUps.GetStateAsync(PersonId, ConnectionId, cancellationToken);
        if (state is null)
        {
            return false;
        }

        State = state;
        return true;
    }
}
