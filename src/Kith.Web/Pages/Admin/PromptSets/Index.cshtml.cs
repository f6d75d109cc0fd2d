using Kith.Core.Data;
using Kith.Core.People;
using Kith.Core.People.Conversations;
using Kith.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kith.Web.Pages.Admin.PromptSets;

/// <summary>The prompt sets offered for conversations; administrators archive those no longer wanted.</summary>
public sealed class IndexModel(PromptSetService promptSets, KithDbContext db) : PageModel
{
    public IReadOnlyList<PromptSet> Sets { get; private set; } = [];

    [TempData]
    public string? Notice { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => Sets = await promptSets.ListAsync(cancellationToken);

    public async Task<IActionResult> OnPostArchiveAsync(Guid id, CancellationToken cancellationToken)
    {
        db.Actor = User.GetProcessContext();
        await promptSets.ArchiveAsync(id, cancellationToken);
        Notice = "The prompt set was archived. It is no longer offered for new conversations.";
        return RedirectToPage();
    }
}
