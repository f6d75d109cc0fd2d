using Kith.Core.People;
using Kith.Core.People.Strengths;
using Kith.Web.People;
using Microsoft.AspNetCore.Mvc;

namespace Kith.Web.Pages.People.Strengths;

/// <summary>A person's strengths grouped by category, each with a remove button.</summary>
public sealed class IndexModel(StrengthService strengths) : PersonPageModel
{
    protected override string RecordPart => "strengths";

    public IReadOnlyList<Strength> Strengths { get; private set; } = [];

    [TempData]
    public string? Notice { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Strengths = await strengths.CurrentAsync(PersonId, cancellationToken);

    public async Task<IActionResult> OnPostRemoveAsync(Guid strengthId, CancellationToken cancellationToken)
    {
        Notice = await strengths.RemoveAsync(PersonId, strengthId, Actor, cancellationToken)
            ? "Strength removed"
            : "That strength had already been removed or changed";
        return RedirectToPage();
    }
}
