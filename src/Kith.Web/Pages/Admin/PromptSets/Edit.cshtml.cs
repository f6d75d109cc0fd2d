using Kith.Core.Data;
using Kith.Core.People.Conversations;
using Kith.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kith.Web.Pages.Admin.PromptSets;

/// <summary>Changes a prompt set's name and prompts (one per line).</summary>
public sealed class EditModel(PromptSetService promptSets, KithDbContext db) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public string Kind { get; private set; } = string.Empty;

    public bool Conflict { get; private set; }

    public sealed class InputModel
    {
        public int Version { get; set; }

        public string? Name { get; set; }

        public string? Prompts { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var set = await promptSets.FindAsync(id, cancellationToken);
        if (set is null)
        {
            return NotFound();
        }

        Kind = ConversationService.NameOf(set.Type);
        Input = new InputModel { Version = set.Version, Name = set.Name, Prompts = string.Join('\n', set.Prompts.OrderBy(p => p.Order).Select(p => p.Text)) };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        var set = await promptSets.FindAsync(id, cancellationToken);
        if (set is null)
        {
            return NotFound();
        }

        Kind = ConversationService.NameOf(set.Type);
        var prompts = (Input.Prompts ?? string.Empty).Split('\n').Select(p => p.Trim()).Where(p => p.Length > 0).ToList();
        if (string.IsNullOrWhiteSpace(Input.Name))
        {
            ModelState.AddModelError("Input.Name", "Enter a name for the prompt set");
        }
        else if (Input.Name.Trim().Length > 200)
        {
            ModelState.AddModelError("Input.Name", "Name can be up to 200 characters");
        }

        if (prompts.Count == 0)
        {
            ModelState.AddModelError("Input.Prompts", "Enter at least one prompt, one on each line");
        }
        else if (prompts.Any(p => p.Length > 500))
        {
            ModelState.AddModelError("Input.Prompts", "Each prompt can be up to 500 characters");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        db.Actor = User.GetProcessContext();
        if (!await promptSets.UpdateAsync(id, Input.Version, Input.Name!, prompts, cancellationToken))
        {
            Conflict = true;
            ModelState.AddModelError("Input.Prompts", "Someone else changed this prompt set while you were editing. Your text is still below; the saved prompts are shown above. Check them, then save again.");
            Input.Version = set.Version;
            ViewData["SavedPrompts"] = set.Prompts.OrderBy(p => p.Order).Select(p => p.Text).ToList();
            return Page();
        }

        return Redirect("/admin/prompt-sets");
    }
}
