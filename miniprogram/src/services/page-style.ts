/**
 * The inline style of every page's root view (`<View className="page" style={pageStyle}>`). On H5,
 * none: the care-mode script scales the root font size, and every size with it (config/h5-care.ts).
 * The weapp build reads WeChat's font setting instead (page-style.weapp.ts).
 */
export const pageStyle: string | undefined = undefined;
