using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kith.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class AddIntroductionsFollowUpsAndFeedback : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ConnectionFeedback",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ConnectionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: false),
                    HowItIsGoing = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Words = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ConnectionFeedback", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ConnectionFeedback_Connections_ConnectionId",
                        column: x => x.ConnectionId,
                        principalTable: "Connections",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ConnectionFollowUps",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ConnectionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: true),
                    DueAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ForUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RemindedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    DoneAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    DoneByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    DoneByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    Note = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    ClosedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Closure = table.Column<string>(type: "TEXT", maxLength: 30, nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ConnectionFollowUps", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ConnectionFollowUps_Connections_ConnectionId",
                        column: x => x.ConnectionId,
                        principalTable: "Connections",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Introductions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ConnectionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CommunityAssetId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Consent = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ConsentRecordedByUserId = table.Column<string>(type: "TEXT", nullable: true),
                    ConsentRecordedByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ConsentRecordedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    SharedName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    SharedContact = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    SharedNote = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    RecipientEmail = table.Column<string>(type: "TEXT", maxLength: 320, nullable: false),
                    TokenHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    SentAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ExpiresAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    FirstResponse = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    FirstRespondedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ClosedAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Introductions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Introductions_CommunityAssets_CommunityAssetId",
                        column: x => x.CommunityAssetId,
                        principalTable: "CommunityAssets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Introductions_Connections_ConnectionId",
                        column: x => x.ConnectionId,
                        principalTable: "Connections",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Introductions_People_PersonId",
                        column: x => x.PersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ConnectionFeedback_ConnectionId",
                table: "ConnectionFeedback",
                column: "ConnectionId");

            migrationBuilder.CreateIndex(
                name: "IX_ConnectionFeedback_PersonId",
                table: "ConnectionFeedback",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_ConnectionFollowUps_ConnectionId_Number",
                table: "ConnectionFollowUps",
                columns: new[] { "ConnectionId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ConnectionFollowUps_DoneAt_ClosedAt",
                table: "ConnectionFollowUps",
                columns: new[] { "DoneAt", "ClosedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ConnectionFollowUps_PersonId",
                table: "ConnectionFollowUps",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_Introductions_CommunityAssetId_SentAt",
                table: "Introductions",
                columns: new[] { "CommunityAssetId", "SentAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Introductions_ConnectionId",
                table: "Introductions",
                column: "ConnectionId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Introductions_PersonId",
                table: "Introductions",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_Introductions_TokenHash",
                table: "Introductions",
                column: "TokenHash",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ConnectionFeedback");

            migrationBuilder.DropTable(
                name: "ConnectionFollowUps");

            migrationBuilder.DropTable(
                name: "Introductions");
        }
    }
}
