using Kith.Core.Data;
using Kith.Core.People;
using Kith.Web.People.MyView;
using Microsoft.EntityFrameworkCore;

namespace Kith.Web.Pages.My;

/// <summary>The person's suggestions, newest first, with what happened to each and why when declined.</summary>
public sealed class SuggestionsModel(KithDbContext db) : MyPageModel
{
    protected override string RecordPart => "suggestions";

    public IReadOnlyList<SuggestedChange> Items { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Items = (await db.Set<SuggestedChange>().AsNoTracking().Where(s => s.PersonId == PersonId).ToListAsync(cancellationToken))
            .OrderByDescending(s => s.SuggestedAt).ToList();

    public static string About(SuggestionTarget target) => target switch
    {
        SuggestionTarget.Goal => "New words for a goal",
        SuggestionTarget.NewGoal => "A new goal",
        SuggestionTarget.NewStrength => "Something you are good at or love",
        SuggestionTarget.AboutMeSection => "About me",
        _ => "A change to your plan",
    };
}
