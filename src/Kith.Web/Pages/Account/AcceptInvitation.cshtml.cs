using System.ComponentModel.DataAnnotations;
using Kith.Core.People.MyView;
using Kith.Core.Platform.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace Kith.Web.Pages.Account;

/// <summary>Accepts an invitation to see one's own plan: choose a password, then signed in at /my.</summary>
public class AcceptInvitationModel(PersonInvitationService invitations, UserManager<KithUser> users, SignInManager<KithUser> signIn) : PasswordLinkPageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Enter a password")]
        [StringLength(200, MinimumLength = AccountRules.MinimumPasswordLength, ErrorMessage = "Password must be 12 characters or more")]
        public string? Password { get; set; }

        [Required(ErrorMessage = "Enter the password again")]
        [Compare(nameof(Password), ErrorMessage = "The passwords do not match. Enter the same password twice")]
        public string? ConfirmPassword { get; set; }
    }

    public async Task<IActionResult> OnGetAsync() =>
        HasLink && await invitations.IsValidAsync(UserId!, Token!) ? Page() : Broken();

    public Task<IActionResult> OnPostAsync(CancellationToken cancellationToken) => ChoosePasswordAsync(
        Input.Password,
        password => invitations.AcceptAsync(UserId!, Token!, password, cancellationToken),
        PersonInvitationService.InvalidLinkError,
        async () =>
        {
            var user = await users.FindByIdAsync(UserId!);
            await signIn.SignInAsync(user!, isPersistent: false);
            return Redirect("/my");
        },
        () => Input = new InputModel());
}
