// Light badges keep dark text: their tinted label colours fall short of 4.5:1.
export const READABLE = { label: { color: '#212529' } };
