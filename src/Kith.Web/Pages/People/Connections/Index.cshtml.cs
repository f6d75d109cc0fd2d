using Kith.Core.Connections;
using Kith.Core.Connections.Matching;
using Kith.Web.People;

namespace Kith.Web.Pages.People.Connections;

/// <summary>
/// A person's connections with community assets, each linking to its own page (Details: history, next step, ONS4
/// prompt), and ranked suggestions with what fits and what does not (ADR 18). Each suggestion offers "Connect"
/// (New: signpost or introduce, with a note) and "Not for them" (Dismiss: turn it down for good, with a reason); a
/// link leads to the person's connecting preferences (Preferences). The page's GET is audited once, as a read of
/// "connections", by <see cref="PersonPageModel"/>.
/// </summary>
public sealed class IndexModel(ConnectionService connections, ConnectionMatcher matcher) : PersonPageModel
{
    /// <summary>How many suggestions the page shows.</summary>
    public const int SuggestionCount = 10;

    protected override string RecordPart => ConnectionService.AuditPart;

    public IReadOnlyList<ConnectionView> Connections { get; private set; } = [];

    public SuggestionResults? Suggestions { get; private set; }

    [Microsoft.AspNetCore.Mvc.TempData]
    public string? Notice { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Connections = await connections.ListForPersonAsync(PersonId, Actor, ReadAudit.AlreadyWritten, cancellationToken);
        Suggestions = await matcher.SuggestAsync(PersonId, Actor, SuggestionCount, ReadAudit.AlreadyWritten, cancellationToken);
    }

    /// <summary>"Introduction" or "Signposted (goes on their own)".</summary>
    public static string KindLabel(ConnectionKind kind) => kind == ConnectionKind.Introduction ? "Introduction" : "Signposted (goes on their own)";

    /// <summary>The tag colour for a status: grey when it ended without going, green once attending or completed, else blue.</summary>
    public static string StatusColour(ConnectionStatus status) =>
        status is ConnectionStatus.Rejected or ConnectionStatus.Failed or ConnectionStatus.Cancelled ? "grey"
        : status is ConnectionStatus.InProgress or ConnectionStatus.Completed ? "green" : "blue";

    /// <summary>The status with a capital, as a tag's text.</summary>
    public static string StatusLabel(ConnectionStatus status)
    {
        var words = Connection.Describe(status);
        return string.Concat(words[..1].ToUpperInvariant(), words[1..]);
    }
}
