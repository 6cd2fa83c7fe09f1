// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <optional>
#include <utility>

// What a read from the database gave: a value, "there is none", or "the read failed". A
// failed read is the server's fault (answered as internal), never "not found" nor an empty
// list, so callers must tell the two apart; there is no operator bool on purpose.
template<typename T>
class StoreRead
{
public:
    static StoreRead fromValue(T value)
    {
        StoreRead read;
        read.m_value = std::move(value);
        return read;
    }
    static StoreRead notFound() { return {}; }
    static StoreRead readFailed()
    {
        StoreRead read;
        read.m_failed = true;
        return read;
    }

    bool hasValue() const { return m_value.has_value(); }
    bool failed() const { return m_failed; }
    const T &operator*() const { return *m_value; }
    T &operator*() { return *m_value; }
    const T *operator->() const { return &*m_value; }
    T *operator->() { return &*m_value; }

private:
    std::optional<T> m_value;
    bool m_failed = false;
};
