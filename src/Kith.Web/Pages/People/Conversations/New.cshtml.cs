using Kith.Core.Data;
using Kith.Core.People;
using Kith.Core.People.Conversations;
using Kith.Web.People;
using Kith.Web.People.AboutMe;
using Kith.Web.TagHelpers;
using Microsoft.AspNetCore.Mvc;

namespace Kith.Web.Pages.People.Conversations;

/// <summary>
/// Records a conversation. Works without JavaScript: "Add another quote box" and "Show prompts" post the form
/// back and show it again with what was typed; only "Save the conversation" saves.
/// </summary>
public sealed class NewModel(ConversationService conversations, KithDbContext db, TimeProvider clock) : PersonPageModel
{
    public const int DefaultQuoteBoxes = 3;

    public const int MaxQuoteBoxes = 20;

    protected override string RecordPart => "conversations";

    [BindProperty]
    public InputModel Input { get; set; } = new();

    /// <summary>The prompt set of the chosen kind, if any.</summary>
    public PromptSet? PromptSet { get; private set; }

    public sealed class InputModel
    {
        public DateInput HeldOn { get; set; } = new();

        public ConversationType? Type { get; set; }

        public string? WhoWasPresent { get; set; }

        public List<string> Prompts { get; set; } = [];

        public List<string?> Quotes { get; set; } = [];

        public string? Notes { get; set; }

        public string? Agreed { get; set; }

        public DateInput ComeBackOn { get; set; } = new();

        public string? SafetyPlan { get; set; }
    }

    public async Task OnGetAsync(ConversationType? type, CancellationToken cancellationToken)
    {
        Input.HeldOn = DateInput.FromDate(AboutMeDates.Today(clock));
        Input.Type = type;
        await PrepareAsync(0, cancellationToken);
    }

    /// <summary>"Add another quote box": shows the form again with one more box.</summary>
    public async Task<IActionResult> OnPostMoreAsync(CancellationToken cancellationToken)
    {
        ModelState.Clear();
        await PrepareAsync(1, cancellationToken);
        return Page();
    }

    /// <summary>"Show prompts for this kind": shows the form again with the chosen kind's prompts.</summary>
    public async Task<IActionResult> OnPostPromptsAsync(CancellationToken cancellationToken)
    {
        ModelState.Clear();
        await PrepareAsync(0, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        // The secondary buttons post name="handler": Razor Pages reads the handler from the query only.
        switch (Request.Form["handler"].ToString())
        {
            case "more":
                return await OnPostMoreAsync(cancellationToken);
            case "prompts":
                return await OnPostPromptsAsync(cancellationToken);
        }

        ModelState.Clear();
        var draft = new ConversationDraft
        {
            Type = Input.Type ?? ConversationType.ListeningAndConnecting,
            WhoWasPresent = Input.WhoWasPresent,
            PromptsUsed = Input.Prompts,
            Quotes = Input.Quotes,
            Notes = Input.Notes,
            Agreed = Input.Agreed,
            SafetyPlan = Input.SafetyPlan,
        };
        if (Input.Type is null)
        {
            ModelState.AddModelError("Input.Type", "Select the kind of conversation");
        }

        if (!Input.HeldOn.TryGetDate(out var heldOn))
        {
            ModelState.AddModelError("Input.HeldOn", Input.HeldOn.IsEmpty
                ? "Enter the date of the conversation"
                : "Date of the conversation must be a real date, for example 3 12 2026");
        }

        draft.HeldOn = heldOn;
        if (!Input.ComeBackOn.IsEmpty)
        {
            if (Input.ComeBackOn.TryGetDate(out var back))
            {
                draft.ComeBackOn = back;
            }
            else
            {
                ModelState.AddModelError("Input.ComeBackOn", "When to come back must be a real date, for example 10 12 2026");
            }
        }

        var today = AboutMeDates.Today(clock);
        foreach (var (field, message) in ConversationService.Validate(draft, today))
        {
            if (field == "HeldOn" && !ModelState.IsValid && ModelState.ContainsKey("Input.HeldOn"))
            {
                continue;
            }

            ModelState.AddModelError(field == "Content" ? "Input.Quotes[0]" : $"Input.{field}", message);
        }

        if (!ModelState.IsValid)
        {
            await PrepareAsync(0, cancellationToken);
            return Page();
        }

        db.Actor = Actor;
        draft.PromptSetId = (await conversations.PromptSetForAsync(draft.Type, cancellationToken))?.Id;
        var result = await conversations.RecordAsync(PersonId, draft, today, Actor.UserId, Actor.ActorName, cancellationToken);
        return Redirect($"/people/{PersonId}/conversations/{result.Conversation!.Id}");
    }

    private async Task PrepareAsync(int extraBoxes, CancellationToken cancellationToken)
    {
        var boxes = Math.Min(MaxQuoteBoxes, Math.Max(DefaultQuoteBoxes, Input.Quotes.Count) + extraBoxes);
        while (Input.Quotes.Count < boxes)
        {
            Input.Quotes.Add(null);
        }

        if (Input.Type is { } type)
        {
            PromptSet = await conversations.PromptSetForAsync(type, cancellationToken);
        }
    }
}
