// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#pragma once

#include <QHash>
#include <QIcon>

#include <functional>
#include <optional>

namespace llmproxy {

/// What the tray icon shows, most important first when several apply.
enum class TrayStatus {
    Running,      ///< plain application icon
    Stopped,      ///< kill switch on, or not listening: red badge with a square
    Paused,       ///< inference paused: amber badge with two bars
    EndpointDown, ///< an enabled endpoint is down, or none is enabled: orange badge with a bar
    RecentBlock,  ///< a security guard blocked a request recently: purple badge with a cross
};

/// The engine facts the tray icon's state is decided from.
struct TrayInputs
{
    bool listening = true;
    bool panic = false;
    bool paused = false;
    bool endpointDown = false; ///< at least one enabled endpoint is down, or none is enabled
    bool recentBlock = false;  ///< a block within TrayNotifier::kRecentBlockMs
};

/// The state the icon shows for `inputs`: stopped, then paused, then endpoint down, then a
/// recent block, else running.
TrayStatus trayStatus(const TrayInputs &inputs);

/// The application icon with the badge of `status` drawn over it, at several sizes and at the
/// device pixel ratios of the screens, so it stays sharp on high-DPI panels.
QIcon trayStatusIcon(TrayStatus status);

/// Decides which desktop notifications go out: at most one per kind per minute. Those held back
/// are counted and the count is handed to the next one of that kind ("3 more blocks").
class TrayNotifier
{
public:
    enum class Kind { EndpointDown, EndpointUp, Block, BudgetWarning, BudgetLimit };

    static constexpr qint64 kIntervalMs = 60 * 1000;
    static constexpr qint64 kRecentBlockMs = 60 * 1000;

    /// `clock` returns milliseconds on a monotonic scale; tests pass their own.
    explicit TrayNotifier(std::function<qint64()> clock);

    /// Whether a notification about `count` events of `kind` may go out now. When it may, returns
    /// how many events it does not name: those held back since the last one plus `count` - 1;
    /// when not, returns nothing and counts the `count` events as held back.
    std::optional<int> admit(Kind kind, int count = 1);

private:
    struct Slot
    {
        qint64 lastShownMs = 0;
        bool shown = false;
        int held = 0;
    };
    std::function<qint64()> m_clock;
    QHash<int, Slot> m_slots;
};

} // namespace llmproxy
