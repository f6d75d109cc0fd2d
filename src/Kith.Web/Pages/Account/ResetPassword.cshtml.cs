using System.ComponentModel.DataAnnotations;
using Kith.Core.Platform.Accounts;
using Microsoft.AspNetCore.Mvc;

namespace Kith.Web.Pages.Account;

/// <summary>
/// Chooses a new (or first) password from an emailed link. The link names the account by its id,
/// not its email address, so no personal data travels in the address.
/// </summary>
public class ResetPasswordModel(AccountService accounts) : PasswordLinkPageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Enter a new password")]
        [StringLength(200, MinimumLength = AccountRules.MinimumPasswordLength, ErrorMessage = "Password must be 12 characters or more")]
        public string? Password { get; set; }

        [Required(ErrorMessage = "Enter the new password again")]
        [Compare(nameof(Password), ErrorMessage = "The passwords do not match. Enter the same password twice")]
        public string? ConfirmPassword { get; set; }
    }

    public IActionResult OnGet() => HasLink ? Page() : Broken();

    public Task<IActionResult> OnPostAsync(CancellationToken cancellationToken) => ChoosePasswordAsync(
        Input.Password,
        password => accounts.ResetPasswordAsync(UserId!, Token!, password, cancellationToken),
        AccountService.InvalidLinkError,
        () => Task.FromResult<IActionResult>(RedirectToPage("/Account/ResetPasswordDone")),
        () => Input = new InputModel());
}
