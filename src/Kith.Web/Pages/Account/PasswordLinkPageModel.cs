using Kith.Core.Platform.Accounts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kith.Web.Pages.Account;

/// <summary>
/// Shared by the pages that choose a password from an emailed link (reset or first password, and a
/// person's invitation): the link's account id and token, the "link no longer works" state, and the
/// post that saves the password, shows its errors or says the link is broken.
/// </summary>
public abstract class PasswordLinkPageModel : PageModel
{
    [BindProperty(SupportsGet = true, Name = "user")]
    public string? UserId { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Token { get; set; }

    /// <summary>True when the link is missing its account or token, or they no longer work.</summary>
    public bool LinkBroken { get; private set; }

    public int MinimumLength => AccountRules.MinimumPasswordLength;

    /// <summary>True when the address carries both an account id and a token.</summary>
    protected bool HasLink => !string.IsNullOrEmpty(UserId) && !string.IsNullOrEmpty(Token);

    /// <summary>
    /// The post: when the form is valid, saves the password with <paramref name="save"/> and returns
    /// <paramref name="done"/>; an <paramref name="invalidLinkError"/> shows the broken-link page; other
    /// errors go on the password field. The typed passwords are never sent back (<paramref name="clearInput"/>).
    /// </summary>
    protected async Task<IActionResult> ChoosePasswordAsync(
        string? password, Func<string, Task<AccountOutcome>> save, string invalidLinkError, Func<Task<IActionResult>> done, Action clearInput)
    {
        ArgumentNullException.ThrowIfNull(save);
        ArgumentNullException.ThrowIfNull(done);
        ArgumentNullException.ThrowIfNull(clearInput);
        if (!HasLink)
        {
            return Broken();
        }

        if (ModelState.IsValid)
        {
            var outcome = await save(password!);
            if (outcome.Succeeded)
            {
                return await done();
            }

            if (outcome.Errors.Contains(invalidLinkError))
            {
                return Broken();
            }

            foreach (var error in outcome.Errors)
            {
                ModelState.AddModelError("Input.Password", error);
            }
        }

        clearInput();
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    protected PageResult Broken()
    {
        LinkBroken = true;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
