/**
 * The one wording, on kiosk, phone and display, for a wait that cannot be estimated because no counter serving the
 * area is open yet (the server's estimate is then null). Each screen once had its own ("Chưa ước tính được",
 * "Đang tính"), which read as two different situations to a citizen holding both the ticket and the phone.
 */
export const NO_COUNTER_OPEN = { vi: 'Chưa có quầy mở', en: 'No counter open yet' } as const;
