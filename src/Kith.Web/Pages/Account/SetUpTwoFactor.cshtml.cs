using System.ComponentModel.DataAnnotations;
using System.Text;
using Kith.Core.Platform.Accounts;
using Kith.Web.Infrastructure;
using Kith.Web.Infrastructure.Modules;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kith.Web.Pages.Account;

/// <summary>
/// Turns on two-factor sign-in: shows the shared key (and an otpauth:// link) for an authenticator
/// app, checks one code from it, then shows the recovery codes once. Staff are sent here until done.
/// </summary>
public class SetUpTwoFactorModel(UserManager<KithUser> users, SignInManager<KithUser> signIn, AccountService accounts) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    /// <summary>The shared key in groups of four, for typing into an app.</summary>
    public string SharedKey { get; private set; } = string.Empty;

    /// <summary>The otpauth:// address apps read the key from.</summary>
    public string AuthenticatorUri { get; private set; } = string.Empty;

    public bool AlreadyEnabled { get; private set; }

    /// <summary>Whether the person must set this up before going on (a staff role).</summary>
    public bool Required { get; private set; }

    /// <summary>Shown once, on the response that turned two-factor on; never stored in plain text.</summary>
    public IReadOnlyList<string>? RecoveryCodes { get; private set; }

    public string ContinueUrl => AccountLinks.SafeReturnUrl(Url, ReturnUrl);

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Enter the 6-digit code from your authenticator app")]
        [RegularExpression(@"^\s*\d{3}[\s-]?\d{3}\s*$", ErrorMessage = "The code must be 6 digits, like 123456")]
        public string? Code { get; set; }
    }

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        await LoadAsync(user);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        if (user.TwoFactorEnabled)
        {
            return RedirectToPage(new { returnUrl = ContinueUrl });
        }

        if (ModelState.IsValid)
        {
            var codes = await accounts.EnableTwoFactorAsync(user, Input.Code!, HttpContext.GetProcessContext(), cancellationToken);
            if (codes is not null)
            {
                await signIn.RefreshSignInAsync(user);
                RecoveryCodes = codes;
                return Page();
            }

            ModelState.AddModelError("Input.Code", "The code is not right. Check the key in your app and enter the 6-digit code it shows now");
        }

        await LoadAsync(user);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    private async Task LoadAsync(KithUser user)
    {
        AlreadyEnabled = user.TwoFactorEnabled;
        Required = KithRoles.Staff.Any(User.IsInRole);
        if (AlreadyEnabled)
        {
            return;
        }

        var key = await accounts.GetOrCreateAuthenticatorKeyAsync(user);
        SharedKey = FormatKey(key);
        var account = user.Email ?? user.UserName ?? user.Id;
        AuthenticatorUri = $"otpauth://totp/{Uri.EscapeDataString("Kith")}:{Uri.EscapeDataString(account)}?secret={key}&issuer={Uri.EscapeDataString("Kith")}&digits=6";
    }

    /// <summary>Lower case, in groups of four separated by spaces.</summary>
    public static string FormatKey(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var result = new StringBuilder();
        for (var i = 0; i < key.Length; i += 4)
        {
            if (i > 0)
            {
                result.Append(' ');
            }

            result.Append(key.AsSpan(i, Math.Min(4, key.Length - i)));
        }

        return result.ToString().ToLowerInvariant();
    }
}
