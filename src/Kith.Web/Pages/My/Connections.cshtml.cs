using Kith.Core.Connections;
using Kith.Web.Infrastructure;
using Kith.Web.People.MyView;
using Microsoft.AspNetCore.Mvc;

namespace Kith.Web.Pages.My;

/// <summary>The person's own connections, in plain words: what, where it stands, the next step, and what they last said about it.</summary>
public sealed class ConnectionsModel(ConnectionService connections, ConnectionFeedbackService feedback) : MyPageModel
{
    protected override string RecordPart => "my-connections";

    public IReadOnlyList<ConnectionView> Connections { get; private set; } = [];

    /// <summary>What they last said about each connection, by connection.</summary>
    public IReadOnlyDictionary<Guid, ConnectionFeedbackView> LastSaid { get; private set; } = new Dictionary<Guid, ConnectionFeedbackView>();

    [TempData]
    public string? Notice { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Connections = await connections.ListForPersonAsync(PersonId, User.GetProcessContext(), ReadAudit.AlreadyWritten, cancellationToken);
        LastSaid = (await feedback.ForPersonAsync(PersonId, cancellationToken: cancellationToken))
            .GroupBy(f => f.ConnectionId).ToDictionary(g => g.Key, g => g.First());
    }

    /// <summary>Where it stands, said to the person.</summary>
    public static string WhereItStands(ConnectionKind kind, ConnectionStatus status) => status switch
    {
        ConnectionStatus.Draft => "Your worker is getting this ready",
        ConnectionStatus.Requested => kind == ConnectionKind.Introduction ? "Your worker has introduced you to the group" : "You have the details",
        ConnectionStatus.Accepted => kind == ConnectionKind.Introduction ? "The group said yes" : "You said you would like to go",
        ConnectionStatus.Rejected => "This did not go ahead",
        ConnectionStatus.InProgress => "You have started going",
        ConnectionStatus.Completed => "Finished",
        ConnectionStatus.Cancelled => "Stopped",
        _ => "It did not work out",
    };

    /// <summary>The next step, said to the person; null when there is none.</summary>
    public static string? NextStep(ConnectionKind kind, ConnectionStatus status) => status switch
    {
        ConnectionStatus.Draft => kind == ConnectionKind.Introduction
            ? "Your worker will ask you before telling the group anything about you."
            : "Your worker will give you the details.",
        ConnectionStatus.Requested => kind == ConnectionKind.Introduction
            ? "The group will get in touch, or your worker will tell you what they said."
            : "Go along when you are ready.",
        ConnectionStatus.Accepted => "Go along to your first time when you are ready.",
        ConnectionStatus.InProgress => "Keep going if it suits you, and tell us how it is going.",
        ConnectionStatus.Rejected or ConnectionStatus.Cancelled or ConnectionStatus.Failed => "Your worker can help you look for something else.",
        _ => null,
    };
}
